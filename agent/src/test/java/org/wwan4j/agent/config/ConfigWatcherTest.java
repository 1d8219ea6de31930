package org.wwan4j.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
@Tag("slow")
class ConfigWatcherTest {

    /** Upper bound for one reload to arrive; a bound, not an expected duration. */
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Object> reports = new LinkedBlockingQueue<>();
    private final ConfigWatcher.Listener listener = new ConfigWatcher.Listener() {
        @Override
        public void applied(AgentConfig config) {
            reports.add(config);
        }

        @Override
        public void rejected(Path file, List<String> errors) {
            reports.add(errors);
        }
    };

    @Test
    void theFirstReadIsReportedBeforeTheConstructorReturns() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"radioSilence\": true}");
        try (ConfigWatcher watcher = new ConfigWatcher(file, AgentConfig.EMPTY, listener)) {
            assertTrue(watcher.current().radioSilence());
            assertInstanceOf(AgentConfig.class, reports.poll());
        }
    }

    @Test
    void anAtomicRenameIsPickedUp() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{}");
        try (ConfigWatcher watcher = new ConfigWatcher(file, AgentConfig.EMPTY, listener)) {
            reports.clear();
            replaceAtomically(file, "{\"modems\":[{\"name\":\"m\"}]}");
            AgentConfig next = assertInstanceOf(AgentConfig.class, nextReport());
            assertEquals("m", next.modems().getFirst().name());
            assertEquals(next, watcher.current());
        }
    }

    @Test
    void anInvalidFileIsReportedAndTheLastGoodConfigKept() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"radioSilence\": true}");
        try (ConfigWatcher watcher = new ConfigWatcher(file, AgentConfig.EMPTY, listener)) {
            reports.clear();
            Files.writeString(file, "{\"radioSilence\": 1}");
            List<?> errors = assertInstanceOf(List.class, nextReport());
            assertEquals(List.of("radioSilence: 1 is not true or false"), errors);
            assertTrue(watcher.current().radioSilence());
            Files.writeString(file, "{\"scanProviders\": true}");
            AgentConfig fixed = assertInstanceOf(AgentConfig.class, nextReport());
            assertTrue(fixed.scanProviders());
        }
    }

    @Test
    void rewritingTheSameContentReloadsNothing() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{}");
        try (ConfigWatcher _ = new ConfigWatcher(file, AgentConfig.EMPTY, listener)) {
            reports.clear();
            Files.writeString(file, "{}");
            replaceAtomically(file, "{}");
            // A distinct change afterwards proves the watcher was awake; nothing may have come before it.
            Files.writeString(file, "{\"scanProviders\": true}");
            AgentConfig next = assertInstanceOf(AgentConfig.class, nextReport());
            assertTrue(next.scanProviders());
        }
    }

    @Test
    void aMissingFileIsRejectedAndTheInitialConfigKept() throws Exception {
        Path file = dir.resolve("absent.json");
        try (ConfigWatcher watcher = new ConfigWatcher(file, AgentConfig.EMPTY, listener)) {
            List<?> errors = assertInstanceOf(List.class, reports.poll());
            assertTrue(errors.getFirst().toString().endsWith("absent.json: file not found"));
            assertEquals(AgentConfig.EMPTY, watcher.current());
            Files.writeString(file, "{}");
            assertNotNull(assertInstanceOf(AgentConfig.class, nextReport()));
        }
    }

    @Test
    void closeStopsReporting() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{}");
        ConfigWatcher watcher = new ConfigWatcher(file, AgentConfig.EMPTY, listener);
        watcher.close();
        watcher.close();
        reports.clear();
        Files.writeString(file, "{\"radioSilence\": true}");
        assertNull(reports.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void aThrowingListenerDoesNotStopTheWatcher() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{}");
        ConfigWatcher.Listener flaky = new ConfigWatcher.Listener() {
            @Override
            public void applied(AgentConfig config) {
                if (!config.radioSilence()) {
                    throw new IllegalStateException("listener bug");
                }
                reports.add(config);
            }

            @Override
            public void rejected(Path ignored, List<String> errors) {
                reports.add(errors);
            }
        };
        try (ConfigWatcher _ = new ConfigWatcher(file, AgentConfig.EMPTY, flaky)) {
            Files.writeString(file, "{\"scanProviders\": true}");
            Files.writeString(file, "{\"radioSilence\": true}");
            AgentConfig next = assertInstanceOf(AgentConfig.class, nextReport());
            assertTrue(next.radioSilence());
        }
    }

    @Test
    void aDirectoryRemovedAndMadeAgainIsWatchedAgain() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("etc"));
        Path file = sub.resolve("config.json");
        Files.writeString(file, "{}");
        try (ConfigWatcher _ = new ConfigWatcher(file, AgentConfig.EMPTY, listener)) {
            reports.clear();
            Files.delete(file);
            Files.delete(sub);
            List<?> gone = assertInstanceOf(List.class, nextReport());
            assertTrue(gone.getFirst().toString().endsWith("config.json: file not found"), gone::toString);
            Files.createDirectory(sub);
            Files.writeString(file, "{\"radioSilence\": true}");
            AgentConfig next = assertInstanceOf(AgentConfig.class, nextReport());
            assertTrue(next.radioSilence());
        }
    }

    private Object nextReport() throws InterruptedException {
        Object report = reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(report, "no reload reported");
        return report;
    }

    private static void replaceAtomically(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".config", ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
