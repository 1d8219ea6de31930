package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.fault.hostile.HostileOptions;
import org.wwan4j.emulator.fault.hostile.HostileStorm;

/**
 * The whole agent under a storm of hostile frames: where {@link HostileFramesTest} drives a {@code Modem} directly,
 * this one leaves recovery to the agent's supervisor and checks that, once the storm is over, the modem ends
 * connected and healthy with no more client IDs allocated than before.
 *
 * <p>The two libraries meet a storm differently. libmbim skips what it cannot parse and keeps the port, so every
 * frame reaches it. libqmi hangs up on the first frame without the QMUX marker and reports the device removed; the
 * supervisor reopens it after its backoff (5 s, doubling), and the emulator holds frames back while the port is
 * closed, so a reopened port meets the next bad frame at once. Under a continuous QMI storm only a few frames get
 * through per reopen: the QMI case therefore storms for a fixed window and then checks the recovery.
 */
@Tag("slow")
class AgentHostileFramesTest {

    /** MBIM frames: enough for every kind many times over; the long variant sends the 10,000. */
    private static final int MBIM_FRAMES = Boolean.getBoolean("wwan4j.long") ? 10_000 : 2_000;
    /** QMI frames offered; the window below ends the storm first (see the class comment). */
    private static final int QMI_FRAMES = 10_000;
    /** How long the QMI storm lasts: a few reopens, and a backoff that stays well under the wait below. */
    private static final Duration QMI_WINDOW = Duration.ofSeconds(20);
    private static final int FRAMES_PER_SECOND = 250;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void qmiAgentRecoversTheModemAfterAStorm() throws Exception {
        int sent = storm(org.wwan4j.emulator.EmulatedProtocol.QMI, Protocol.QMI, QMI_FRAMES, QMI_WINDOW);
        assertTrue(sent > 0, "no hostile frame reached the QMI port");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void mbimAgentRecoversTheModemAfterAStorm() throws Exception {
        Duration writing = Duration.ofSeconds(MBIM_FRAMES / FRAMES_PER_SECOND * 4L + 120);
        assertEquals(MBIM_FRAMES, storm(org.wwan4j.emulator.EmulatedProtocol.MBIM, Protocol.MBIM, MBIM_FRAMES, writing),
                "MBIM frames written (libmbim keeps the port, so all of them reach it)");
    }

    /** Storms until {@code frames} are written or {@code window} ends; returns the frames written. */
    private int storm(org.wwan4j.emulator.EmulatedProtocol emulated, Protocol configured, int frames, Duration window)
            throws Exception {
        Path link = dir.resolve("dev").resolve("cdc-wdm0");
        Files.createDirectories(link.getParent());
        try (EmulatedModem emulator = EmulatedModem.start(emulated, EmulatorOptions.defaults().withLink(link));
             HotPlugAgent agent = HotPlugAgent.start(dir, link, configured)) {
            agent.awaitModem("connected before the storm", AgentHostileFramesTest::connectedAndHealthy);
            var clientsBefore = emulator.statistics().clientsAllocated();
            long started = System.nanoTime();
            int sent;
            try (HostileStorm storm = emulator.sendHostileFrames(new HostileOptions(frames, FRAMES_PER_SECOND, SEED))) {
                storm.awaitDone(window);
                sent = storm.sent();
            }
            long stormMillis = (System.nanoTime() - started) / 1_000_000;
            ModemStatus after = agent.awaitModem("connected and healthy after the storm",
                    AgentHostileFramesTest::connectedAndHealthy);
            long recoveredMillis = (System.nanoTime() - started) / 1_000_000 - stormMillis;
            System.out.printf("agent hostile frames %s: %d frames in %d ms; connected and healthy %d ms after the"
                    + " last one; recoveries %d; last error: %s%n", configured, sent, stormMillis, recoveredMillis,
                    after.health().recoveries(), after.health().lastError());
            assertTrue(agent.modem().health().state() == HealthState.OK, "healthy");
            assertEquals(clientsBefore, emulator.statistics().clientsAllocated(),
                    "client IDs allocated after the storm (reopens re-use them)");
            return sent;
        }
    }

    private static boolean connectedAndHealthy(ModemStatus m) {
        return m.health().state() == HealthState.OK && m.info().bearer() != null && m.info().bearer().connected();
    }
}
