package org.wwan4j.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.gir.GirReader;
import org.wwan4j.generator.model.AsyncPair;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.CallableKind;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.Direction;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.Parameter;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.Transfer;
import org.wwan4j.generator.model.ValueWidth;

/** The GIR reader builds the model the API-layer generator will rely on. */
class GirModelTest {

    private static Namespace demo;

    @BeforeAll
    static void read() throws Exception {
        demo = GirReader.read(DemoGir.gir());
    }

    private static ClassType device() {
        return demo.classes().getFirst();
    }

    private static Callable method(String name) {
        return device().methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static EnumType enumNamed(String name) {
        return demo.enums().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void namespaceCarriesLibraryAndIncludes() {
        assertEquals("Demo", demo.name());
        assertEquals(List.of("libdemo.so.1"), demo.sharedLibraries());
        assertEquals(List.of("GLib-2.0", "Gio-2.0"), demo.includes());
    }

    @Test
    void asyncStartIsPairedWithItsFinishByName() {
        List<String> pairs = device().asyncPairs().stream()
                .map(p -> p.start().cIdentifier() + " -> " + p.finish().cIdentifier()).toList();
        assertEquals(List.of("demo_device_open -> demo_device_open_finish",
                "demo_device_new -> demo_device_new_finish"), pairs,
                "a static start function pairs with a constructor finish, as qmi_device_new does");
        AsyncPair open = device().asyncPairs().getFirst();
        assertTrue(open.finish().throwsError());
        assertFalse(open.start().throwsError());
        assertEquals(2, demo.asyncPairs().size());
    }

    @Test
    void signalsAreRecordedWithTheirParameters() {
        var signal = device().signals().getFirst();
        assertEquals("indication", signal.name());
        assertEquals("last", signal.when());
        assertEquals("object", signal.parameters().getFirst().name());
    }

    @Test
    void outParametersKeepDirectionAllocationAndTransfer() {
        Callable getVersion = method("get_version");
        Parameter self = getVersion.parameters().get(0);
        Parameter major = getVersion.parameters().get(1);
        Parameter point = getVersion.parameters().get(2);
        assertTrue(self.instance());
        assertEquals(Direction.OUT, major.direction());
        assertFalse(major.callerAllocates());
        assertTrue(major.optional());
        assertEquals(Transfer.FULL, major.transfer());
        assertTrue(point.callerAllocates());
        assertTrue(getVersion.throwsError());
        assertTrue(getVersion.returnValue().skip());
        assertEquals(CallableKind.METHOD, getVersion.kind());
    }

    @Test
    void enumWidthIsInferredFromValues() {
        assertEquals(ValueWidth.BITS_64, enumNamed("Band").width());
        assertEquals(ValueWidth.BITS_32, enumNamed("MessageType").width());
        assertEquals(2_147_483_649L, enumNamed("MessageType").members().get(1).value());
        assertEquals(-1L, enumNamed("Rate").members().getFirst().value());
        assertTrue(enumNamed("Band").flags());
        assertEquals("demo_rate_get_string", enumNamed("Rate").functions().getFirst().cIdentifier());
    }

    @Test
    void recordsAreOpaqueBoxedOrCarryFields() {
        RecordType point = demo.records().stream().filter(r -> r.name().equals("Point")).findFirst().orElseThrow();
        RecordType blob = demo.records().stream().filter(r -> r.name().equals("Blob")).findFirst().orElseThrow();
        assertFalse(point.isOpaque());
        assertEquals(7, point.fields().size());
        assertEquals(1, point.fields().get(4).bits());
        assertEquals(4, point.fields().get(3).type().fixedSize());
        assertTrue(blob.isOpaque());
        assertTrue(blob.isBoxed());
        assertEquals(2, blob.methods().size());
    }

    @Test
    void callbacksAndVariadicsAreRecognised() {
        assertEquals("DemoVisitFn", demo.callbacks().getFirst().cType());
        assertEquals(3, demo.callbacks().getFirst().parameters().size());
        assertTrue(method("printf").isVariadic());
        assertFalse(method("printf").introspectable());
        assertTrue(method("open").takesAsyncReadyCallback());
    }
}
