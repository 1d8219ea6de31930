package org.wwan4j.qmi.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.generator.check.StructLayoutProbe;
import org.wwan4j.glib.ffi.GArray;
import org.wwan4j.glib.ffi.GByteArray;
import org.wwan4j.glib.ffi.GError;
import org.wwan4j.glib.ffi.GLogField;
import org.wwan4j.glib.ffi.GPtrArray;

/** Every generated Qmi struct class, and the GLib ones, have the size and field offsets gcc gives the real headers. */
class StructLayoutTest {

    @Test
    void structLayoutsMatchTheCCompiler(@TempDir Path work) throws Exception {
        assumeTrue(StructLayoutProbe.toolsAvailable(), "gcc and pkg-config are needed for this check");
        List<Class<?>> structs = new ArrayList<>(StructLayoutProbe.structClassesBeside(libqmi_glib_h.class));
        assertEquals(80, structs.size(), "every Qmi record with fields has a struct class");
        structs.addAll(List.of(GError.class, GArray.class, GByteArray.class, GPtrArray.class, GLogField.class));
        assertEquals(List.of(), StructLayoutProbe.mismatches(structs, List.of("libqmi-glib.h"), List.of("qmi-glib"), work));
    }
}
