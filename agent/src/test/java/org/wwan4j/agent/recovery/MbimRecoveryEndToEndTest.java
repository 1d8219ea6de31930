package org.wwan4j.agent.recovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.StateAspect;

/**
 * The recovery ladder end to end over MBIM: a hung modem is reopened, then its radio is turned off and on (MBIM's
 * stand-in for a reset), and it ends connected again. The recovery time is printed, never asserted.
 */
@Timeout(600)
@Tag("slow")
class MbimRecoveryEndToEndTest {

    /** Basic Connect RADIO_STATE, as the emulator counts it. */
    private static final int RADIO_STATE = 3;

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

    @Test
    void aHungModemIsReopenedThenItsRadioCycledAndEndsConnectedAgain() throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.MBIM,
                EmulatorOptions.defaults().withTickInterval(Duration.ofMillis(200)));
        List<PowerState> powerSeen = new CopyOnWriteArrayList<>();
        emulator.state().addListener(aspect -> {
            if (aspect == StateAspect.POWER) {
                powerSeen.add(emulator.state().power());
            }
        });
        harness = new RecoveryHarness(new MbimModemFactory());
        harness.start(Configs.withProbe(Configs.modem("modem1", emulator.path().toString()),
                new ProbeConfig(ProbeMethod.NONE, null, null, ProbeConfig.DEFAULT_INTERVAL_SECONDS)));
        harness.awaitModem("connected", RecoveryHarness::connectedAndHealthy);
        long radioRequestsBefore = emulator.statistics().requestsSeen("mbim-basic-connect", RADIO_STATE);

        long injected = System.nanoTime();
        emulator.inject(Fault.HANG);
        // Seen by its event: the step itself may already have given way to the next by the time this looks.
        harness.awaitModem("the reopen step", m -> RecoveryHarness.recoveryEvents(m).stream()
                .anyMatch(e -> e.startsWith("recovery step reopen:")));
        harness.awaitModem("the reset step", m -> m.health().recoveryStep() == RecoveryStep.RESET);
        emulator.clear(Fault.HANG);

        ModemStatus back = harness.awaitModem("connected again after the radio cycle",
                RecoveryHarness::connectedAndHealthy);
        long millis = Duration.ofNanos(System.nanoTime() - injected).toMillis();
        System.out.println("RECOVERY-TIME mbim hang -> reopen -> radio off/on -> connected: " + millis + " ms");

        int off = powerSeen.indexOf(PowerState.LOW_POWER);
        assertTrue(off >= 0 && powerSeen.subList(off, powerSeen.size()).contains(PowerState.ONLINE),
                "radio off, then on: " + powerSeen);
        assertTrue(emulator.statistics().requestsSeen("mbim-basic-connect", RADIO_STATE) - radioRequestsBefore >= 2,
                emulator.statistics().requestCounts().toString());
        assertTrue(emulator.state().bearer().connected());
        List<String> steps = RecoveryHarness.recoveryEvents(back);
        assertTrue(steps.stream().anyMatch(e -> e.startsWith("recovery step reset:")), steps.toString());
        assertTrue(steps.getLast().startsWith("recovered (last step reset"), steps.toString());
    }
}
