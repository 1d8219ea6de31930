package org.wwan4j.bench.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * Runs {@code START agent} (a start script of a built runtime or an installed package) against a QMI modem emulated
 * in this JVM (a child shares this JVM's devpts, so it can open the pty) until the status file shows the bearer
 * connected, then stops it; and {@code START --version}. Every wait is bounded generously and nothing is timed.
 */
final class EmulatedAgentRun {

    /** From the agent's start to connected: seconds normally; a loaded two-core machine gets a lot more. */
    private static final Duration CONNECTED_WAIT = Duration.ofSeconds(120);
    static final Duration EXIT_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String APN = "internet";

    private EmulatedAgentRun() {
    }

    /** Asserts that the agent started by {@code startScript} connects, with the JVM at {@code expectedJava}. */
    static void assertConnects(Path startScript, Path expectedJava, Path dir) throws Exception {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            Path status = dir.resolve("status.json");
            Path config = Files.writeString(dir.resolve("config.json"), "{\"modems\": [{\"name\": \"m1\", \"match\": "
                    + "{\"device\": \"" + modem.path() + "\"}, \"protocol\": \"qmi\", \"accessPoint\": {\"apn\": \""
                    + APN + "\"}, \"probe\": {\"method\": \"none\"}}]}\n");
            Path agentLog = dir.resolve("agent.log");
            Process agent = new ProcessBuilder(startScript.toString(), "agent", "--config", config.toString(),
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
                // The start script exec'ed the image's java: the agent is that JVM, not this JDK's.
                assertEquals(expectedJava.toRealPath(),
                        Files.readSymbolicLink(Path.of("/proc", Long.toString(agent.pid()), "exe")));
            } finally {
                agent.destroy();
                if (!agent.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    agent.destroyForcibly().waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            }
            assertFalse(read(agentLog).contains("Exception"), () -> "agent log:\n" + read(agentLog));
        }
    }

    /** Asserts that {@code START --version} prints the version line and exits 0. */
    static void assertVersion(Path startScript, Path dir) throws Exception {
        Path versionLog = dir.resolve("version.log");
        Process version = new ProcessBuilder(startScript.toString(), "--version").redirectErrorStream(true)
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

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
