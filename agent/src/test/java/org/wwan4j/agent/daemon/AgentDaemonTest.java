package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.ScriptedFactory;

/** The real wiring (config watcher, threads, status file) with a scripted modem at a plain file path. */
@Timeout(60)
class AgentDaemonTest {

    /** Upper bound for the agent to react; a bound, not an expected duration. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void configFileInStatusFileOutAndABadConfigIsReportedNotApplied(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("fake-wdm0"));
        Path config = dir.resolve("config.json");
        Path status = dir.resolve("status.json");
        Files.writeString(config, "{\"modems\": [{\"name\": \"modem1\", \"match\": {\"device\": \"" + device
                + "\"}, \"interface\": \"wwan4jtest0\"}]}");
        AgentOptions options = new AgentOptions(config, status, null, dir.resolve("state"), null,
                dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false, SupervisorSettings.DEFAULTS, false);

        ScriptedFactory factory = new ScriptedFactory();
        try (AgentDaemon daemon = AgentDaemon.start(options, factory)) {
            waitFor(() -> read(status).contains("\"name\" : \"modem1\"")
                    && read(status).contains("\"imei\" : \"356789012345678\""));
            assertTrue(factory.opened.contains(device));

            Files.writeString(config, "{\"modems\": [{\"name\": \"modem1\", \"mtu\": 70000}]}");
            waitFor(() -> read(status).contains("mtu"));
            String json = read(status);
            assertTrue(json.contains("\"configError\" : \"modems[0].mtu"), json);
            assertTrue(json.contains("\"device\" : \"" + device + "\""), "last good config still in force: " + json);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
