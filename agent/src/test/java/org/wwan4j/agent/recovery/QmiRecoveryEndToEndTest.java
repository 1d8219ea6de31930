package org.wwan4j.agent.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.config.RecoveryConfig;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.StateAspect;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * The recovery ladder end to end over QMI: the agent, QmiModem, the real libqmi and a pty to the emulator. A hung
 * modem is reopened, then reset through DMS Set Operating Mode (offline, reset), and ends connected again; a stalled
 * data plane with a failing probe is recovered too. Recovery times (fault injected to connected and healthy again)
 * are printed, never asserted.
 */
@Timeout(600)
@Tag("slow")
class QmiRecoveryEndToEndTest {

    /** DMS Set Operating Mode, as the emulator counts it. */
    private static final int DMS_SET_OPERATING_MODE = 0x002E;
    /** libqmi's open and allocation timeout: short, so a reopen of the hung port fails within the step's bound. */
    private static final Duration DEVICE_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path state;

    private EmulatedModem emulator;
    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private ModemConfig start(ModemConfig config) {
        harness = new RecoveryHarness(new QmiModemFactory(state, QmiDeviceOptions.defaults().withTimeout(DEVICE_TIMEOUT)));
        harness.start(config);
        return config;
    }

    @Test
    void aHungModemIsReopenedThenResetAndEndsConnectedAgain() throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.QMI,
                EmulatorOptions.defaults().withTickInterval(Duration.ofMillis(200)));
        List<PowerState> powerSeen = new CopyOnWriteArrayList<>();
        emulator.state().addListener(aspect -> {
            if (aspect == StateAspect.POWER) {
                powerSeen.add(emulator.state().power());
            }
        });
        start(Configs.withProbe(Configs.modem("modem1", emulator.path().toString()),
                new ProbeConfig(ProbeMethod.NONE, null, null, ProbeConfig.DEFAULT_INTERVAL_SECONDS)));
        harness.awaitModem("connected", RecoveryHarness::connectedAndHealthy);
        long setModeBefore = emulator.statistics().requestsSeen("DMS", DMS_SET_OPERATING_MODE);

        long injected = System.nanoTime();
        emulator.inject(Fault.HANG);
        // Seen by its event: the step itself may already have given way to the next by the time this looks.
        harness.awaitModem("the reopen step", m -> RecoveryHarness.recoveryEvents(m).stream()
                .anyMatch(e -> e.startsWith("recovery step reopen:")));
        // The reopen cannot work on a port that answers nothing: the ladder moves on to the reset.
        ModemStatus resetting = harness.awaitModem("the reset step",
                m -> m.health().recoveryStep() == RecoveryStep.RESET);
        assertEquals(HealthState.RECOVERING, resetting.health().state());
        emulator.clear(Fault.HANG);

        ModemStatus back = harness.awaitModem("connected again after the reset", RecoveryHarness::connectedAndHealthy);
        long millis = Duration.ofNanos(System.nanoTime() - injected).toMillis();
        System.out.println("RECOVERY-TIME qmi hang -> reopen -> reset -> connected: " + millis + " ms");

        assertEquals(2, emulator.statistics().requestsSeen("DMS", DMS_SET_OPERATING_MODE) - setModeBefore,
                "offline, then reset: " + emulator.statistics().requestCounts());
        assertTrue(powerSeen.contains(PowerState.OFFLINE), powerSeen.toString());
        assertTrue(emulator.state().bearer().connected());
        assertTrue(back.health().recoveries() >= 2, back.health().toString());
        List<String> steps = RecoveryHarness.recoveryEvents(back);
        assertTrue(steps.stream().anyMatch(e -> e.startsWith("recovery step reopen:")), steps.toString());
        assertTrue(steps.stream().anyMatch(e -> e.startsWith("recovery step reset:")), steps.toString());
        assertTrue(steps.getLast().startsWith("recovered (last step reset"), steps.toString());
    }

    @Test
    void aStalledDataPlaneWithAFailingProbeIsRecovered() throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.QMI,
                EmulatorOptions.defaults().withTickInterval(Duration.ofMillis(200)));
        // Short: the smallest window the config allows; long: a minute, nearer the production default.
        int stallSeconds = Boolean.getBoolean("wwan4j.long") ? 60 : 5;
        ModemConfig config = Configs.withRecovery(Configs.withProbe(Configs.modem("modem1", emulator.path().toString()),
                        new ProbeConfig(ProbeMethod.ICMP, null, null, 10)), new RecoveryConfig(stallSeconds, false));
        start(config);
        harness.awaitModem("connected with moving counters", m -> RecoveryHarness.connectedAndHealthy(m)
                && m.info().counters() != null && m.info().counters().rxBytes() != null
                && m.info().counters().rxBytes() > 0);

        long injected = System.nanoTime();
        emulator.inject(Fault.DATA_STALL);
        harness.prober.failAlways("ping 8.8.8.8: no reply");
        ModemStatus stalled = harness.awaitModem("a data-plane recovery",
                m -> RecoveryHarness.recoveryEvents(m).stream().anyMatch(e -> e.contains("data plane stalled")));
        long detectedMillis = Duration.ofNanos(System.nanoTime() - injected).toMillis();
        assertEquals(HealthState.RECOVERING, stalled.health().state());

        ModemStatus back = harness.awaitModem("data flowing again", RecoveryHarness::connectedAndHealthy);
        long millis = Duration.ofNanos(System.nanoTime() - injected).toMillis();
        System.out.println("RECOVERY-TIME qmi data-stall (stallSeconds " + stallSeconds + ", probe every 10 s): detected "
                + detectedMillis + " ms, recovered " + millis + " ms");
        assertTrue(RecoveryHarness.recoveryEvents(back).stream().anyMatch(e -> e.startsWith("recovery step reset:")),
                RecoveryHarness.recoveryEvents(back).toString());
        assertTrue(emulator.state().bearer().connected());
    }
}
