package org.wwan4j.agent.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.Agent;
import org.wwan4j.agent.daemon.AgentEnvironment;
import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.ManualScheduler;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedFactory;
import org.wwan4j.agent.testing.ScriptedProber;

/** Kernel log events through the agent: routed to the modem they name, acted on by kind. */
class KernelEventsAgentTest {

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<DiscoveredModem> present = new ArrayList<>();
    private final Agent agent = new Agent(new AgentEnvironment(new ScriptedFactory(), () -> List.copyOf(present),
            new RecordingIp(), new ScriptedProber(), ap -> Optional.empty(), key -> scheduler, new FixedRandom(0.5),
            SupervisorSettings.DEFAULTS));
    private final DiscoveredModem usbModem = new DiscoveredModem("cdc-wdm0", Path.of("/dev/cdc-wdm0"), Protocol.QMI,
            "qmi_wwan", "1-1.4", "1-1.4:1.8", null, "wwan0", null);

    private ModemStatus modem1() {
        return agent.status().modems().getFirst();
    }

    private void startConnected() {
        present.add(usbModem);
        agent.applyConfig(new AgentConfig(false, false, List.of(Configs.modem("modem1", "/dev/cdc-wdm0"))));
        agent.rediscover();
        scheduler.runReady();
        assertTrue(modem1().info().bearer().connected());
    }

    private static KernelEvent event(KernelEvent.Kind kind, String iface, String usb, String device, String message) {
        return new KernelEvent(kind, KernelEvent.Severity.ERROR, iface, usb, device, null, message, 0, 0);
    }

    private List<String> events(String kind) {
        return modem1().events().stream().filter(e -> e.kind().equals(kind)).map(e -> e.message()).toList();
    }

    @Test
    void aUsbDisconnectOfAHubAboveTheModemMakesItAbsentUntilDiscoveryFindsItAgain() {
        startConnected();
        agent.kernelEvent(event(KernelEvent.Kind.USB_DISCONNECT, null, "1-1", null,
                "usb 1-1: USB disconnect, device number 2"));
        scheduler.runReady();
        assertEquals(HealthState.ABSENT, modem1().health().state());

        present.clear();
        agent.rediscover();
        scheduler.runReady();
        assertEquals(HealthState.ABSENT, modem1().health().state());

        present.add(usbModem);
        agent.rediscover();
        scheduler.runReady();
        assertEquals(HealthState.OK, modem1().health().state());
        assertTrue(modem1().info().bearer().connected());
    }

    @Test
    void aDriverErrorNamingTheInterfaceStartsTheModemsRecovery() {
        startConnected();
        agent.kernelEvent(event(KernelEvent.Kind.DRIVER_ERROR, "wwan0", "1-1.4:1.8", null,
                "qmi_wwan 1-1.4:1.8 wwan0: nonzero urb status received: -71"));
        scheduler.runReady();
        assertTrue(events("kernel").getFirst().startsWith("DRIVER_ERROR: qmi_wwan"), events("kernel").toString());
        assertTrue(events("recovery").getFirst().startsWith("recovery step reopen: kernel reported driver error"),
                events("recovery").toString());
        assertEquals(HealthState.OK, modem1().health().state());
    }

    @Test
    void aSoftLockupIsShownOnEveryModemAndNothingIsDone() {
        startConnected();
        agent.kernelEvent(event(KernelEvent.Kind.SOFT_LOCKUP, null, null, "CPU#1",
                "watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [kworker/1:2:93]"));
        scheduler.runReady();
        assertEquals(1, events("kernel").size());
        assertTrue(events("recovery").isEmpty());
        assertEquals(0, modem1().health().recoveries());
    }
}
