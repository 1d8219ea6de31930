package org.wwan4j.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.generator.select.CommandLine;
import org.wwan4j.generator.select.GeneratorOptions;
import org.wwan4j.generator.select.UsageException;

/** Include lists pick exactly what they name, and bad input is reported by name. */
class IncludeSelectionTest {

    @Test
    void onlyIncludedSymbolsAreEmitted(@TempDir Path out) throws Exception {
        Path list = out.resolve("one.txt");
        Files.writeString(list, "# just one\n-t p\n--include-function demo_blob_unref  # trailing comment\n");
        String log = DemoGir.generate("@" + list, "--output", out.toString());
        String header = Files.readString(out.resolve("p/libdemo_h.java"));
        assertTrue(header.contains("public static void demo_blob_unref(MemorySegment self)"));
        assertFalse(header.contains("demo_blob_ref("));
        try (Stream<Path> files = Files.list(out.resolve("p"))) {
            assertEquals(2, files.count(), "header class and $shared only");
        }
        assertTrue(log.contains("Demo: functions=0 methods=1 constructors=0 structs=0"), log);
    }

    @Test
    void unknownSymbolIsAnErrorNamingIt(@TempDir Path out) {
        UsageException e = assertThrows(UsageException.class, () -> DemoGir.generate(
                "--include-function", "demo_no_such_thing", "--include-struct", "DemoBlob", "--output", out.toString()));
        assertTrue(e.getMessage().contains("--include-function demo_no_such_thing"), e.getMessage());
        assertTrue(e.getMessage().contains("--include-struct DemoBlob"), "opaque records are not structs: " + e.getMessage());
    }

    @Test
    void unsupportedSymbolIsAnErrorGivingTheReason(@TempDir Path out) {
        UsageException e = assertThrows(UsageException.class, () -> DemoGir.generate(
                "--include-function", "demo_device_printf", "--output", out.toString()));
        assertTrue(e.getMessage().contains("demo_device_printf") && e.getMessage().contains("variadic"), e.getMessage());
    }

    @Test
    void argumentFilesFollowJextractSyntax(@TempDir Path dir) throws Exception {
        Path args = dir.resolve("args.txt");
        Files.writeString(args, """
                # comment line
                --header-class-name x_h   # trailing comment
                -t a.b
                -l :libx.so.1
                --include-constant X_ONE
                --include-typedef XType
                """);
        GeneratorOptions options = CommandLine.parse(new String[] {"--gir", "x.gir", "@" + args, "--output", "o"});
        assertEquals("x_h", options.headerClassName());
        assertEquals("a.b", options.targetPackage());
        assertEquals(java.util.List.of("libx.so.1"), options.libraries());
        assertTrue(options.includes().constants().contains("X_ONE"));
        assertTrue(options.includes().typedefs().contains("XType"));
    }

    @Test
    void badCommandLinesNameTheProblem() {
        assertTrue(assertThrows(UsageException.class, () -> CommandLine.parse(new String[] {"--output", "o"}))
                .getMessage().contains("--gir"));
        assertTrue(assertThrows(UsageException.class,
                () -> CommandLine.parse(new String[] {"--gir", "a", "--frobnicate"})).getMessage().contains("--frobnicate"));
        assertTrue(assertThrows(UsageException.class,
                () -> CommandLine.parse(new String[] {"--gir", "a", "@/no/such/file"})).getMessage().contains("/no/such/file"));
        assertThrows(UsageException.class, () -> DemoGir.generate("--gir", "/no/such.gir", "--output", "/tmp/x"));
    }
}
