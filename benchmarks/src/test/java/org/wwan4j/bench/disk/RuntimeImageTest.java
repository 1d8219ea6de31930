package org.wwan4j.bench.disk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent runs from the minimal runtime of {@code scripts/runtime.sh}: the image is built as the disk section
 * builds it, then its start script runs {@code agent} against a QMI modem emulated in this JVM (a child shares this
 * JVM's devpts, so it can open the pty) until the status file shows the bearer connected, and {@code --version}
 * ({@link EmulatedAgentRun}). Skipped only when the JDK running the tests has no jlink.
 */
@Tag("slow")
class RuntimeImageTest {

    @TempDir
    Path dir;

    @Test
    void theAgentConnectsAnEmulatedModemFromTheRuntimeAlone() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/jlink")),
                "no jlink in " + javaHome + " (a JRE): the runtime cannot be built");
        long buildStart = System.nanoTime();
        RuntimeImage image = RuntimeImage.build(repositoryRoot(), dir.resolve("runtime"), javaHome, false,
                dir.resolve("runtime.log"));
        System.out.printf("runtime image: built in %.1f s, %d kB uncompressed%n",
                (System.nanoTime() - buildStart) / 1e9, TreeSize.apparentBytes(List.of(image.directory())) / 1024);

        List<String> jars = fileNames(image.lib());
        assertTrue(jars.contains("wwan4j-cli.jar"), jars::toString);
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("wwan4j-agent")), jars::toString);
        assertTrue(jars.stream().noneMatch(jar -> jar.matches("(?i).*(junit|jmh|xchart|benchmark|jna).*")),
                () -> "a test or benchmark jar in the runtime: " + jars);

        EmulatedAgentRun.assertConnects(image.startScript(), image.jre().resolve("bin/java"), dir);
        EmulatedAgentRun.assertVersion(image.startScript(), dir);
    }

    /** Surefire runs in the module's directory; the scripts are one level up. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("scripts/runtime.sh")) ? here : here.getParent();
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
