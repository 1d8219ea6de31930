package org.wwan4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedSignal;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.qmi.DmsOperatingMode;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * The examples of docs/embedding.md run against the emulator, and the guide quotes them as they are: each block
 * between {@code // snippet:start} and {@code // snippet:end} in an example's source must appear in the guide.
 */
@Timeout(180)
@Tag("slow")
class EmbeddingExamplesTest {

    private static final Path EXAMPLES = Path.of("src/test/java/org/wwan4j/examples");
    private static final Path GUIDE = Path.of("../docs/embedding.md");
    private static final List<String> EXAMPLE_CLASSES = List.of("OpenModemExample", "RequestExample",
            "IndicationExample", "EmbeddedAgentExample");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theGuideQuotesEveryExampleAsItIs() throws IOException {
        String guide = Files.readString(GUIDE);
        for (String example : EXAMPLE_CLASSES) {
            List<String> snippets = snippets(Files.readString(EXAMPLES.resolve(example + ".java")));
            assertFalse(snippets.isEmpty(), example + " has no snippet");
            for (String snippet : snippets) {
                assertTrue(guide.contains(snippet), () -> GUIDE + " does not quote this part of " + example
                        + " (copy it again):\n" + snippet);
            }
        }
    }

    @Test
    void openingAModemReadsItsIdentity() {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            String described = OpenModemExample.describe(modem.path(), dir.resolve("state"));
            assertEquals(modem.state().identity().model() + " IMEI " + modem.state().identity().imei(), described);
        }
    }

    @Test
    void aRequestPutsTheModemInLowPower() {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI);
             QmiDevice device = open(modem)) {
            assertEquals(DmsOperatingMode.LOW_POWER, RequestExample.lowPower(device));
            assertEquals(PowerState.LOW_POWER, modem.state().power());
        }
    }

    @Test
    void theListenerGetsTheNextSignalReport() throws Exception {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI);
             QmiDevice device = open(modem)) {
            CompletableFuture<Integer> rssi = CompletableFuture.supplyAsync(() -> {
                try {
                    return IndicationExample.nextLteRssi(device, WAIT);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            // The example registers for reports at some moment we cannot see; the signal keeps changing until
            // a report has reached it.
            List<Integer> sent = List.of(-71, -73);
            for (int i = 0; !rssi.isDone(); i++) {
                modem.state().setSignal(new EmulatedSignal(sent.get(i % 2), -9, -95, 12.5));
                try {
                    rssi.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not yet
                }
            }
            assertTrue(sent.contains(rssi.get()), () -> "an RSSI the emulator reported, not " + rssi.join());
        }
    }

    @Test
    void theAgentRunsInProcessUntilTheModemIsRegistered() throws Exception {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            Path config = dir.resolve("agent.json");
            Files.writeString(config, "{\"modems\": [{\"name\": \"m1\", \"match\": {\"device\": \"" + modem.path()
                    + "\"}, \"protocol\": \"qmi\", \"interface\": \"emu0\", \"accessPoint\": {\"apn\": \"internet\"},"
                    + " \"probe\": {\"method\": \"none\"}}]}");
            AgentStatus status = EmbeddedAgentExample.runUntilRegistered(config, dir.resolve("state"), WAIT);
            assertEquals("m1", status.modems().getFirst().name());
            assertEquals(RegistrationState.HOME, status.modems().getFirst().info().registration().state());
        }
    }

    private QmiDevice open(EmulatedModem modem) {
        try {
            return QmiDevice.open(modem.path(), QmiDeviceOptions.defaults().withStateDir(dir.resolve("state")))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw new AssertionError("opening " + modem.path(), e);
        }
    }

    /** The blocks between the markers, each without the indentation its lines share. */
    static List<String> snippets(String source) {
        List<String> snippets = new ArrayList<>();
        List<String> block = null;
        for (String line : source.lines().toList()) {
            if (line.strip().equals("// snippet:start")) {
                block = new ArrayList<>();
            } else if (line.strip().equals("// snippet:end") && block != null) {
                int indent = block.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                snippets.add(String.join("\n", block.stream()
                        .map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        return snippets;
    }
}
