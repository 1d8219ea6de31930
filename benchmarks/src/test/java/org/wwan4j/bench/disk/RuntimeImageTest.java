package org.wwan4j.bench.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * The agent runs from the minimal runtime of {@code scripts/runtime.sh}: the image is built as the disk section
 * builds it, then its start script runs {@code agent} against a QMI modem emulated in this JVM (a child shares this
 * JVM's devpts, so it can open the pty) until the status file shows the bearer connected, and {@code --version}.
 * Skipped only when the JDK running the tests has no jlink. Every wait is bounded generously and nothing is timed.
 */
@Tag("slow")
class RuntimeImageTest {

    /** From the agent's start to connected: seconds normally; a loaded two-core machine gets a lot more. */
    private static final Duration CONNECTED_WAIT = Duration.ofSeconds(120);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String APN = "internet";

    @TempDir
    Path dir;

    @Test
    void theAgentConnectsAnEmulatedModemFromTheRuntimeAlone() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/jlink")),
                "no jlink in " + javaHome + " (a JRE): the runtime cannot be built");
        long buildStart = System.nanoTime();
        RuntimeImage image = RuntimeImage.build(repositoryRoot(), dir.resolve("runtime"), javaHome,
                dir.resolve("runtime.log"));
        System.out.printf("runtime image: built in %.1f s, %d kB uncompressed%n",
                (System.nanoTime() - buildStart) / 1e9, TreeSize.apparentBytes(List.of(image.directory())) / 1024);

        List<String> jars = fileNames(image.lib());
        assertTrue(jars.contains("wwan4j-cli.jar"), jars::toString);
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("wwan4j-agent")), jars::toString);
        assertTrue(jars.stream().noneMatch(jar -> jar.matches("(?i).*(junit|jmh|xchart|benchmark|jna).*")),
                () -> "a test or benchmark jar in the runtime: " + jars);

        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            Path status = dir.resolve("status.json");
            Path config = Files.writeString(dir.resolve("config.json"), "{\"modems\": [{\"name\": \"m1\", \"match\": "
                    + "{\"device\": \"" + modem.path() + "\"}, \"protocol\": \"qmi\", \"accessPoint\": {\"apn\": \""
                    + APN + "\"}, \"probe\": {\"method\": \"none\"}}]}\n");
            Path agentLog = dir.resolve("agent.log");
            Process agent = new ProcessBuilder(image.startScript().toString(), "agent", "--config", config.toString(),
                    "--status", status.toString(), "--state-dir", Files.createDirectory(dir.resolve("state")).toString(),
                    "--sysfs-root", Files.createDirectory(dir.resolve("sys")).toString(),
                    "--kmsg", Files.createFile(dir.resolve("kmsg")).toString())
                    .redirectErrorStream(true).redirectOutput(agentLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            try {
                long deadline = System.nanoTime() + CONNECTED_WAIT.toNanos();
                while (!connected(status)) {
                    assertTrue(agent.isAlive(), () -> "the agent exited (" + agent.exitValue() + "): " + read(agentLog));
                    assertTrue(System.nanoTime() < deadline, () -> "not connected within "
                            + CONNECTED_WAIT.toSeconds() + " s; agent log:\n" + read(agentLog));
                    Thread.sleep(POLL.toMillis());
                }
                // The start script exec'ed the image's java: the agent is the runtime's JVM, not this JDK's.
                assertEquals(image.jre().resolve("bin/java").toRealPath(),
                        Files.readSymbolicLink(Path.of("/proc", Long.toString(agent.pid()), "exe")));
            } finally {
                agent.destroy();
                if (!agent.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    agent.destroyForcibly().waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            }
            assertFalse(read(agentLog).contains("Exception"), () -> "agent log:\n" + read(agentLog));
        }

        Path versionLog = dir.resolve("version.log");
        Process version = new ProcessBuilder(image.startScript().toString(), "--version").redirectErrorStream(true)
                .redirectOutput(versionLog.toFile()).start();
        assertTrue(version.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS), "--version did not exit");
        assertEquals(0, version.exitValue(), () -> read(versionLog));
        assertTrue(read(versionLog).startsWith("wwan4j "), () -> read(versionLog));
    }

    /** Whether the status file's first modem has its bearer connected on the configured APN. */
    private static boolean connected(Path status) {
        try {
            Map<String, Object> root = JSON.std.mapFrom(Files.readString(status));
            List<?> modems = (List<?>) root.get("modems");
            if (modems == null || modems.isEmpty()) {
                return false;
            }
            Object bearer = ((Map<?, ?>) modems.getFirst()).get("bearer");
            return bearer instanceof Map<?, ?> fields && Boolean.TRUE.equals(fields.get("connected"))
                    && APN.equals(fields.get("apn"));
        } catch (IOException notYetWritten) {
            return false;
        }
    }

    /** Surefire runs in the module's directory; the scripts are one level up. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("scripts/runtime.sh")) ? here : here.getParent();
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
