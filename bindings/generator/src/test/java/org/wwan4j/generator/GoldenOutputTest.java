package org.wwan4j.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated sources and the include dump for the demo GIR match the reviewed golden copies. */
class GoldenOutputTest {

    private static final String PACKAGE_DIR = "org/example/demo/ffi";

    @Test
    void generatedSourcesMatchGoldenFiles(@TempDir Path out) throws Exception {
        DemoGir.generate("@" + DemoGir.includes(), "--output", out.toString());
        Golden.assertDirectory("demo", out.resolve(PACKAGE_DIR));
    }

    @Test
    void smallSplitThresholdProducesTheHeaderChain(@TempDir Path out) throws Exception {
        DemoGir.generate("@" + DemoGir.includes(), "--split-threshold", "8", "--output", out.toString());
        Golden.assertDirectory("demo-split", out.resolve(PACKAGE_DIR));
    }

    @Test
    void dumpIncludesListsEverySymbolUnderItsNamespaceHeading(@TempDir Path out) throws Exception {
        Path dump = out.resolve("includes.txt");
        DemoGir.generate("--dump-includes", dump.toString());
        Golden.assertFile("demo-includes.txt", Files.readString(dump));
    }
}
