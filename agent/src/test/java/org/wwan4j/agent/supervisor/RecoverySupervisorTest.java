package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.RecoveryConfig;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.ManualScheduler;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedFactory;
import org.wwan4j.agent.testing.ScriptedModem;
import org.wwan4j.agent.testing.ScriptedProber;

/**
 * The recovery ladder as the supervisor runs it, on virtual time with scripted modems: each step, its bound, the
 * backoff after stuck, the end of an episode, stall detection, kernel events and the sysfs rebind.
 */
class RecoverySupervisorTest {

    private static final Path DEV = Path.of("/dev/cdc-wdm0");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ModemException NO_ANSWER = new ModemException(ModemException.Kind.TIMEOUT, "no answer");
    /** Long periods, so the only timers due in a test are the ones it is about. */
    private static final SupervisorSettings SETTINGS = new SupervisorSettings(Duration.ofDays(1),
            SupervisorSettings.DEFAULT_COUNTERS_PERIOD, Duration.ofDays(1), Duration.ofSeconds(10), 1);

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ScriptedFactory factory = new ScriptedFactory();
    private final ScriptedModem modem = factory.modem(DEV);
    private final ScriptedProber prober = new ScriptedProber();
    private final List<StatusEvent> events = new ArrayList<>();
    private volatile ModemStatus status;
    private final SupervisorListener listener = new SupervisorListener() {
        @Override
        public void statusChanged(ModemSupervisor supervisor, ModemStatus s) {
            status = s;
        }

        @Override
        public void event(ModemSupervisor supervisor, StatusEvent event) {
            events.add(event);
        }
    };

    private ModemSupervisor connected(ModemConfig config, RebindTarget rebind) {
        ModemSupervisor s = new ModemSupervisor("modem1", new Desired(config, false, T0, false, false), SETTINGS,
                scheduler, factory, new ConnectPolicy(ap -> Optional.ofNullable(ap.password())),
                Backoff.withDefaults(new FixedRandom(0.5)), new RecordingIp(), prober, listener);
        s.found(DEV, Protocol.QMI, "wwan0", rebind);
        scheduler.runReady();
        assertEquals(SupervisorState.CONNECTED, s.state());
        events.clear();
        modem.clearCalls();
        return s;
    }

    private ModemSupervisor connected() {
        return connected(Configs.modem("modem1", DEV.toString()), null);
    }

    private List<String> recoveryEvents() {
        return events.stream().filter(e -> e.kind().equals("recovery")).map(StatusEvent::message).toList();
    }

    private long stepsStarted(RecoveryStep step) {
        return recoveryEvents().stream().filter(m -> m.startsWith("recovery step " + step.jsonName() + ":")).count();
    }

    @Test
    void anUnansweredRefreshReopensAndAFailingReopenEscalatesToAResetThatBringsTheModemBack() {
        ModemSupervisor s = connected();
        modem.failNext("counters", NO_ANSWER);
        factory.failNextOpen(NO_ANSWER); // the reopen
        factory.failNextOpen(NO_ANSWER); // the reset step's first try to open the port
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);

        assertEquals(SupervisorState.RECOVERING, s.state());
        assertEquals(HealthState.RECOVERING, status.health().state());
        assertEquals(RecoveryStep.RESET, status.health().recoveryStep());
        assertEquals(1, stepsStarted(RecoveryStep.REOPEN));
        assertEquals(1, stepsStarted(RecoveryStep.RESET));

        scheduler.advance(RecoveryBounds.DEFAULT_OPEN_RETRY); // the port answers again: the reset goes out
        assertEquals(List.of("reset"), modem.calls("reset"));
        scheduler.advance(RecoveryBounds.DEFAULT_SETTLE);

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.OK, status.health().state());
        assertNull(status.health().recoveryStep());
        assertEquals(2, status.health().recoveries());
        assertTrue(recoveryEvents().getLast().startsWith("recovered (last step reset"), recoveryEvents().toString());
    }

    @Test
    void eachStepIsBoundedAndAnOpenThatNeverEndsMovesTheLadderOn() {
        ModemSupervisor s = connected();
        factory.hangOpens = true;
        modem.failNext("counters", NO_ANSWER);
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);
        assertEquals(SupervisorState.OPENING, s.state());
        assertEquals(RecoveryStep.REOPEN, status.health().recoveryStep());

        scheduler.advance(RecoveryBounds.DEFAULT_REOPEN);
        assertEquals(RecoveryStep.RESET, status.health().recoveryStep());
        assertTrue(status.health().lastError().contains("did not bring the modem back within 45 s"),
                status.health().lastError());

        scheduler.advance(RecoveryBounds.DEFAULT_RESET);
        assertEquals(SupervisorState.STUCK, s.state());
        // A late answer to an abandoned open is closed, not leaked into the supervisor.
        ScriptedModem late = new ScriptedModem(DEV);
        factory.hanging.getFirst().complete(late);
        scheduler.runReady();
        assertTrue(late.isClosed());
    }

    @Test
    void theResetStepWaitsForTheReopenStillInFlightInsteadOfOpeningThePortTwice() {
        ModemSupervisor s = connected();
        int opensBefore = factory.opened.size();
        factory.hangOpens = true;
        modem.failNext("counters", NO_ANSWER);
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);
        scheduler.advance(RecoveryBounds.DEFAULT_REOPEN);
        assertEquals(RecoveryStep.RESET, status.health().recoveryStep());
        scheduler.advance(RecoveryBounds.DEFAULT_OPEN_RETRY);
        assertEquals(opensBefore + 1, factory.opened.size(), "one open in flight, not a second beside it");

        // The port answers at last: the reset goes out on the modem that very open gave (before, it was closed as
        // stale, and with it the modem's session under the second open).
        factory.hangOpens = false;
        ScriptedModem late = new ScriptedModem(DEV);
        factory.hanging.getFirst().complete(late);
        scheduler.runReady();
        assertEquals(List.of("reset"), late.calls("reset"));
        scheduler.advance(RecoveryBounds.DEFAULT_SETTLE);
        assertEquals(SupervisorState.CONNECTED, s.state());
    }

    @Test
    void whenEveryStepFailsTheModemIsStuckAndTheLadderStartsAgainAfterAGrowingBackoff() {
        ModemSupervisor s = connected();
        modem.unanswered = true;
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);

        assertEquals(SupervisorState.STUCK, s.state());
        assertEquals(HealthState.STUCK, status.health().state());
        assertEquals(RecoveryStep.STUCK, status.health().recoveryStep());
        assertEquals(0, stepsStarted(RecoveryStep.REBIND), "rebind is off by default");
        assertEquals(Backoff.DEFAULT_INITIAL, scheduler.nextDelay());

        scheduler.advance(Backoff.DEFAULT_INITIAL);
        assertEquals(2, stepsStarted(RecoveryStep.REOPEN));
        assertEquals(SupervisorState.STUCK, s.state());
        assertEquals(Backoff.DEFAULT_INITIAL.multipliedBy(2), scheduler.nextDelay());

        modem.unanswered = false;
        scheduler.advance(Backoff.DEFAULT_INITIAL.multipliedBy(2));
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.OK, status.health().state());
        assertTrue(recoveryEvents().getLast().startsWith("recovered (last step reopen, round 3)"),
                recoveryEvents().toString());

        // The episode is over: the next trouble starts from the first step and the first backoff again.
        modem.unanswered = true;
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);
        assertEquals(Backoff.DEFAULT_INITIAL, scheduler.nextDelay());
    }

    @Test
    void theDriverIsReboundThroughSysfsOnlyWhenConfigured() throws Exception {
        Path driver = Files.createDirectories(dir.resolve("bus/usb/drivers/qmi_wwan"));
        Path usbInterface = Files.createDirectories(dir.resolve("devices/pci0000:00/usb1/1-1/1-1.4/1-1.4:1.8"));
        Files.createSymbolicLink(usbInterface.resolve("driver"), driver);
        ModemConfig config = Configs.withRecovery(Configs.modem("modem1", DEV.toString()),
                new RecoveryConfig(RecoveryConfig.DEFAULT_STALL_SECONDS, true));
        ModemSupervisor s = connected(config, new RebindTarget(usbInterface));
        modem.unanswered = true;
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);

        assertEquals(RecoveryStep.REBIND, status.health().recoveryStep());
        // The sysfs writes run on their own thread; their completion is queued back to the supervisor.
        awaitEvent("driver of 1-1.4:1.8 unbound and bound");
        assertEquals("1-1.4:1.8", Files.readString(driver.resolve("unbind")));
        assertEquals("1-1.4:1.8", Files.readString(driver.resolve("bind")));
        modem.unanswered = false;
        scheduler.advance(RecoveryBounds.DEFAULT_SETTLE);
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.OK, status.health().state());
    }

    @Test
    void withoutRebindConfiguredNothingIsWrittenToSysfs() throws Exception {
        Path driver = Files.createDirectories(dir.resolve("bus/usb/drivers/qmi_wwan"));
        Path usbInterface = Files.createDirectories(dir.resolve("devices/usb1/1-1/1-1:1.4"));
        Files.createSymbolicLink(usbInterface.resolve("driver"), driver);
        ModemSupervisor s = connected(Configs.modem("modem1", DEV.toString()), new RebindTarget(usbInterface));
        modem.unanswered = true;
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);
        assertEquals(SupervisorState.STUCK, s.state());
        assertFalse(Files.exists(driver.resolve("unbind")));
    }

    @Test
    void aStalledDataPlaneEscalatesUntilDataFlowsAgain() {
        ModemConfig config = Configs.withRecovery(Configs.modem("modem1", DEV.toString()),
                new RecoveryConfig(120, false));
        ModemSupervisor s = connected(config, null);
        prober.failAlways("ping 8.8.8.8: no reply");
        Duration probeInterval = Duration.ofSeconds(config.probe().intervalSeconds());
        // The counters have stood still since the connect, longer than the window: the first failed probe is a stall.
        scheduler.advance(probeInterval);
        assertEquals(1, stepsStarted(RecoveryStep.REOPEN), recoveryEvents().toString());
        assertTrue(recoveryEvents().getFirst().contains("data plane stalled"), recoveryEvents().toString());
        // Reconnected, but nothing flows: connected alone does not end a data-plane recovery.
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.RECOVERING, status.health().state());
        assertEquals(0, stepsStarted(RecoveryStep.RESET));

        scheduler.advance(Duration.ofSeconds(120));
        assertEquals(1, stepsStarted(RecoveryStep.RESET));
        modem.trafficFlows = true;
        scheduler.advance(RecoveryBounds.DEFAULT_SETTLE);
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);
        assertEquals(HealthState.OK, status.health().state());
        assertTrue(recoveryEvents().getLast().startsWith("recovered (last step reset"), recoveryEvents().toString());
    }

    @Test
    void countersTheModemDoesNotGiveNeverCountAsFrozen() {
        ModemConfig config = Configs.withRecovery(Configs.modem("modem1", DEV.toString()),
                new RecoveryConfig(30, false));
        ModemSupervisor s = connected(config, null);
        modem.counters = new Counters(null, null, null, null, null, null, null, null);
        prober.failAlways("ping 8.8.8.8: no reply");
        scheduler.advance(Duration.ofHours(2));
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(recoveryEvents().isEmpty(), recoveryEvents().toString());
    }

    @Test
    void aDriverErrorStartsOneRecoveryPerBurst() {
        ModemSupervisor s = connected();
        s.kernelEvent(kernel(KernelEvent.Kind.DRIVER_ERROR, "qmi_wwan 1-1.4:1.8: nonzero urb status received: -71"));
        scheduler.runReady();
        assertEquals(1, stepsStarted(RecoveryStep.REOPEN));
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.OK, status.health().state());

        // More of the same burst (the filter reports the folded repeats later): recorded, no second recovery.
        s.kernelEvent(kernel(KernelEvent.Kind.DRIVER_ERROR, "qmi_wwan 1-1.4:1.8: nonzero urb status received: -71"));
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(1, stepsStarted(RecoveryStep.REOPEN));
        assertTrue(status.events().stream().anyMatch(e -> e.kind().equals("kernel")));

        scheduler.advance(RecoveryBounds.DEFAULT_KERNEL_HOLDOFF);
        s.kernelEvent(kernel(KernelEvent.Kind.NETDEV_WATCHDOG, "NETDEV WATCHDOG: wwan0 (qmi_wwan): transmit queue 0 timed out"));
        scheduler.runReady();
        assertEquals(2, stepsStarted(RecoveryStep.REOPEN));
    }

    @Test
    void lockupsAndHungTasksAreOnlyRecorded() {
        ModemSupervisor s = connected();
        s.kernelEvent(kernel(KernelEvent.Kind.SOFT_LOCKUP, "watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [kworker/1:2:93]"));
        s.kernelEvent(kernel(KernelEvent.Kind.HUNG_TASK, "INFO: task qmi-proxy:812 blocked for more than 120 seconds."));
        scheduler.runReady();
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(recoveryEvents().isEmpty());
        assertEquals(2, status.events().stream().filter(e -> e.kind().equals("kernel")).count());
    }

    private static KernelEvent kernel(KernelEvent.Kind kind, String message) {
        return new KernelEvent(kind, KernelEvent.Severity.ERROR, "wwan0", "1-1.4:1.8", null, "qmi_wwan", message, 0,
                0);
    }

    /** Bounded wait for work another thread queues on the scheduler; generous, as the machine is shared. */
    private void awaitEvent(String message) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            scheduler.runReady();
            if (recoveryEvents().contains(message)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never recorded: " + message + "; events: " + recoveryEvents());
            }
            Thread.sleep(10);
        }
    }
}
