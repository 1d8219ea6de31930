package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.emulator.EmulatedModem;

/**
 * The running agent (config watcher, supervisor, real libqmi to the emulator) fed a series of fuzzed configs: each
 * one the parser rejects is reported as the agent's config error while the modem stays connected under the last
 * good config; a good config afterwards clears the error.
 */
@Timeout(300)
@Tag("slow")
class ConfigFuzzAgentTest {

    /** Bad configs written to the running agent: each is waited for, so this is kept modest. */
    private static final int BAD_CONFIGS = 25;
    private static final int LONG_BAD_CONFIGS = 250;
    /** Generous: two cores shared with other builds; nothing here asserts how fast the agent is. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aRunningAgentKeepsItsLastGoodConfigAndReportsEachBadOne() throws Exception {
        try (EmulatedModem emulator = EmulatedModem.start(org.wwan4j.emulator.EmulatedProtocol.QMI)) {
            String good = """
                    {"modems": [{"name": "m1", "match": {"device": "%s"}, "protocol": "qmi", "interface": "emu0",
                                 "accessPoint": {"apn": "internet"}, "probe": {"method": "none"}}]}
                    """.formatted(emulator.path());
            Path config = dir.resolve("config.json");
            Files.writeString(config, good);
            for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            AgentOptions options = new AgentOptions(config, dir.resolve("status.json"), null, dir.resolve("state"),
                    null, dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false,
                    SupervisorSettings.DEFAULTS, false);
            ModemFactories factories = ModemFactories.builder()
                    .register(Protocol.QMI, new QmiModemFactory(dir.resolve("state")))
                    .register(Protocol.MBIM, new MbimModemFactory(dir.resolve("state")))
                    .build();
            StatusWaiter waiter = new StatusWaiter();
            try (AgentDaemon daemon = AgentDaemon.start(options, factories, new RecordingIp())) {
                daemon.agent().addListener(waiter);
                waiter.await(daemon, "connected", s -> connected(s) && s.configError() == null);

                int count = Boolean.getBoolean("wwan4j.long") ? LONG_BAD_CONFIGS : BAD_CONFIGS;
                Map<String, Object> valid = JSON.std.mapFrom(good);
                ConfigMutator mutator = new ConfigMutator(5);
                int written = 0;
                while (written < count) {
                    ConfigMutator.Mutant mutant = mutator.mutate(valid);
                    String expected = rejection(mutant);
                    if (expected == null) {
                        continue; // this mutation happened to be a valid config: not what this test feeds
                    }
                    replace(config, mutant.bytes());
                    written++;
                    AgentStatus rejected = waiter.await(daemon, "bad config " + written + " (" + mutant.kind()
                            + ") reported as " + shorten(expected), s -> expected.equals(s.configError()));
                    assertTrue(connected(rejected), "the modem must stay connected under the last good config");
                    assertEquals("m1", rejected.modems().get(0).name());
                    if (written % 5 == 0) {
                        // Between bad ones, a good config clears the error (and the next bad one is news again).
                        replace(config, good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        waiter.await(daemon, "good config again", s -> s.configError() == null && connected(s));
                    }
                }
                AgentStatus last = daemon.agent().status();
                assertEquals(1, last.modems().size());
                assertTrue(connected(last));
            }
        }
    }

    /** What the agent should report for this mutant (the parser's errors, joined), or null if it is valid. */
    private static String rejection(ConfigMutator.Mutant mutant) {
        try {
            // The bytes, as the watcher reads them: flipped bytes may not be UTF-8 any more.
            ConfigParser.parse(mutant.bytes());
            return null;
        } catch (ConfigException e) {
            assertNotNull(e.getMessage());
            return String.join("; ", e.errors());
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private void replace(Path config, byte[] content) throws java.io.IOException {
        Path temp = dir.resolve("config.json.tmp");
        Files.write(temp, content);
        Files.move(temp, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean connected(AgentStatus status) {
        if (status.modems().isEmpty()) {
            return false;
        }
        ModemStatus m = status.modems().get(0);
        return m.info() != null && m.info().bearer() != null && m.info().bearer().connected();
    }

    /** Wakes on every status the agent publishes; the bound only limits a wait for one that never comes. */
    private static final class StatusWaiter implements AgentListener {
        private final Object signal = new Object();

        @Override
        public void statusChanged(AgentStatus status) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        AgentStatus await(AgentDaemon daemon, String what, Predicate<AgentStatus> condition)
                throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                AgentStatus current = daemon.agent().status();
                if (condition.test(current)) {
                    return current;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; last status: " + current);
                }
                synchronized (signal) {
                    signal.wait(Math.max(1, Math.min(left / 1_000_000, 500)));
                }
            }
        }
    }
}
