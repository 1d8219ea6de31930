package org.wwan4j.generator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.DemoGir;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.gir.GirReader;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;

class JavaEnumEmitterTest {

    private static Namespace demo;
    private final JavaEnumEmitter emitter = new JavaEnumEmitter("org.example.demo", "Demo");

    @BeforeAll
    static void read() throws Exception {
        demo = GirReader.read(DemoGir.gir());
    }

    private static EnumType enumNamed(String name) {
        return demo.enums().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBitfieldBecomesAFlagEnumWith64BitValuesAndAMaskHelper() {
        EnumType band = enumNamed("Band");
        long widest = band.members().stream().mapToLong(m -> m.value()).max().orElseThrow();
        assertTrue(widest > 0xFFFF_FFFFL, "the demo GIR must have a member past 32 bits");
        SourceFile file = emitter.emit(band);
        assertEquals("DemoBand".substring("Demo".length()), file.className());
        String text = file.content();
        assertTrue(text.contains("public enum Band implements NativeEnum {"), text);
        assertTrue(text.contains("public static FlagSet<Band> fromValue(long raw)"), text);
        assertTrue(text.contains("public static long toValue(Collection<Band> members)"), text);
        assertTrue(text.contains("(" + widest + "L)"), "the 64-bit member keeps its value:\n" + text);
    }

    @Test
    void anEnumKeepsUnsignedAndNegativeValuesAndNeverThrows() {
        String messageType = emitter.emit(enumNamed("MessageType")).content();
        assertTrue(messageType.contains("(2147483649L)"), messageType);
        assertTrue(messageType.contains("public static EnumValue<MessageType> fromValue(long raw)"), messageType);
        String rate = emitter.emit(enumNamed("Rate")).content();
        assertTrue(rate.contains("(-1L)"), rate);
    }

    @Test
    void camelCaseMembersTakeTheirCIdentifierWithoutTheTypePrefix() {
        EnumType status = new EnumType("StatusError", "MbimStatusError", false, java.util.List.of(
                new org.wwan4j.generator.model.EnumMember("None", "MBIM_STATUS_ERROR_NONE", 0, ""),
                new org.wwan4j.generator.model.EnumMember("InvalidUserNamePwd",
                        "MBIM_STATUS_ERROR_INVALID_USER_NAME_PWD", 19, "")), java.util.List.of(), null, "");
        assertEquals("INVALID_USER_NAME_PWD", JavaEnumEmitter.constantName(status, status.members().get(1)));
        assertTrue(emitter.emit(status).content().contains("    INVALID_USER_NAME_PWD(19L);"));
    }

    @Test
    void constantsAreTheUpperCaseMemberNames() {
        EnumType rate = enumNamed("Rate");
        String text = emitter.emit(rate).content();
        rate.members().forEach(m ->
                assertTrue(text.contains("    " + JavaEnumEmitter.constantName(rate, m) + "("), m.name() + " missing:\n" + text));
        assertEquals(rate.members().getFirst().name().toUpperCase(java.util.Locale.ROOT),
                JavaEnumEmitter.constantName(rate, rate.members().getFirst()).replaceAll("^_", "").replaceAll("_$", ""));
    }
}
