package org.wwan4j.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.generator.emit.HeaderClasses;

/**
 * {@code --header-class-per-file}: functions go to the class of the header the GIR names, each class extends the
 * library's one {@code $shared} (which then owns the lookup), and what has no header stays in the umbrella class.
 */
class HeaderClassPerFileTest {

    private static final String PACKAGE_DIR = "org/example/demo/ffi";

    @Test
    void headerFileNamesBecomeJextractHeaderClassNames() {
        assertEquals("qmi_nas_h", HeaderClasses.forFile("src/libqmi-glib/generated/qmi-nas.h"));
        assertEquals("mbim_ms_basic_connect_extensions_h",
                HeaderClasses.forFile("src/libmbim-glib/generated/mbim-ms-basic-connect-extensions.h"));
        assertEquals("demo_device_h", HeaderClasses.forFile("demo-device.h"));
    }

    @Test
    void functionsLandInTheClassOfTheirHeaderAndNothingElseMoves(@TempDir Path out) throws Exception {
        DemoGir.generate("@" + DemoGir.includes(), "--header-class-per-file", "--output", out.toString());
        Path dir = out.resolve(PACKAGE_DIR);
        String device = Files.readString(dir.resolve("demo_device_h.java"));
        String umbrella = Files.readString(dir.resolve("demo_h.java"));
        String shared = Files.readString(dir.resolve("demo_h$shared.java"));

        assertTrue(device.contains("public class demo_device_h extends demo_h$shared {"), device);
        assertTrue(device.contains("public static void demo_device_open("), "the GIR places it in demo-device.h");
        assertTrue(device.contains("demo_device_h.findOrThrow(\"demo_device_open_finish\")"), "links through its class");
        assertFalse(umbrella.contains("demo_device_open("), "moved, not copied");
        assertTrue(umbrella.contains("demo_device_new("), "a function with no source-position stays");
        assertTrue(umbrella.contains("DEMO_RATE_"), "enum members have no header in the GIR and stay");
        assertFalse(umbrella.contains("SYMBOL_LOOKUP ="), "the lookup moved to $shared");
        assertTrue(shared.contains("static final SymbolLookup SYMBOL_LOOKUP ="), "one lookup for every header class");
        assertTrue(Files.readString(dir.resolve("DemoPoint.java")).contains("demo_h$shared.C_"),
                "structs reach layouts without loading any header class");
    }
}
