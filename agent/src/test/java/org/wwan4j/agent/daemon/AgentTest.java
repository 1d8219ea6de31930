package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.ManualScheduler;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedFactory;
import org.wwan4j.agent.testing.ScriptedProber;

class AgentTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ScriptedFactory factory = new ScriptedFactory();
    private final RecordingIp ip = new RecordingIp();
    private final List<DiscoveredModem> present = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Agent agent = new Agent(new AgentEnvironment(factory, () -> List.copyOf(present), ip,
            new ScriptedProber(), ap -> Optional.empty(), key -> scheduler, new FixedRandom(0.5),
            SupervisorSettings.DEFAULTS));

    private final ModemConfig modem1 = Configs.modem("modem1", "/dev/cdc-wdm0");
    private final ModemConfig modem2 = Configs.modem("modem2", "/dev/cdc-wdm1");

    AgentTest() {
        agent.addListener(new AgentListener() {
            @Override
            public void event(String modem, StatusEvent event) {
                events.add(modem + ": " + event.kind() + ": " + event.message());
            }
        });
    }

    private static DiscoveredModem usbModem(String port, String usb, String iface) {
        return new DiscoveredModem(port, Path.of("/dev/" + port), Protocol.QMI, "qmi_wwan", usb, usb + ":1.4", null,
                iface, null);
    }

    private ModemStatus modem(String name) {
        return agent.status().modems().stream().filter(m -> name.equals(m.name())).findFirst().orElseThrow();
    }

    private ModemStatus unmanaged(String device) {
        return agent.status().modems().stream()
                .filter(m -> m.name() == null && device.equals(m.info().device())).findFirst().orElseThrow();
    }

    private void start(AgentConfig config) {
        present.add(usbModem("cdc-wdm0", "1-1", "wwan0"));
        present.add(usbModem("cdc-wdm2", "1-2", "wwan2"));
        agent.applyConfig(config);
        agent.rediscover();
        scheduler.runReady();
    }

    @Test
    void managedModemConnectsMissingOneIsNotFoundAndUnmanagedOneIsRadioOff() {
        start(new AgentConfig(false, false, List.of(modem1, modem2)));

        AgentStatus status = agent.status();
        assertEquals(3, status.modems().size());
        assertEquals("modem1", status.modems().get(0).name());
        assertTrue(modem("modem1").info().bearer().connected());
        assertEquals("modem not found", modem("modem2").configError());
        assertEquals(HealthState.ABSENT, modem("modem2").health().state());
        assertEquals(Power.LOW_POWER, unmanaged("/dev/cdc-wdm2").info().power());
        assertTrue(factory.modem(Path.of("/dev/cdc-wdm2")).calls("connect").isEmpty());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("modem1: state: connecting -> connected")), events
                .toString());
    }

    @Test
    void radioSilenceTurnsEveryRadioOffAndEchoesTheRequestTime() {
        start(new AgentConfig(false, false, List.of(modem1)));
        scheduler.advance(Duration.ofSeconds(10));
        Instant requested = scheduler.now();
        agent.applyConfig(new AgentConfig(true, false, List.of(modem1)));
        scheduler.runReady();

        AgentStatus status = agent.status();
        assertTrue(status.radioSilence());
        assertEquals(requested, status.radioSilenceTimestamp());
        assertEquals(Power.LOW_POWER, modem("modem1").info().power());
        assertEquals(Power.LOW_POWER, unmanaged("/dev/cdc-wdm2").info().power());
        assertTrue(factory.modem(Path.of("/dev/cdc-wdm0")).calls().contains("disconnect"));

        scheduler.advance(Duration.ofSeconds(10));
        Instant lifted = scheduler.now();
        agent.applyConfig(new AgentConfig(false, false, List.of(modem1)));
        scheduler.runReady();
        assertEquals(lifted, agent.status().radioSilenceTimestamp());
        assertTrue(modem("modem1").info().bearer().connected());
        assertEquals(Power.LOW_POWER, unmanaged("/dev/cdc-wdm2").info().power());
    }

    @Test
    void invalidConfigIsReportedAndTheLastGoodOneKeepsRunning() {
        start(new AgentConfig(false, false, List.of(modem1)));
        agent.rejectConfig(List.of("modems[0].mtu: 70000 is above 9000"));
        scheduler.runReady();

        assertEquals("modems[0].mtu: 70000 is above 9000", agent.status().configError());
        assertTrue(modem("modem1").info().bearer().connected());

        agent.applyConfig(new AgentConfig(false, false, List.of(Configs.withMtu(modem1, 1400))));
        scheduler.runReady();
        assertNull(agent.status().configError());
        assertTrue(ip.calls.contains("apply(wwan0,10.1.2.3/30,mtu=1400,metric=100)"), ip.calls.toString());
    }

    @Test
    void unpluggedModemBecomesAbsentAndReturnsWhenPluggedBackIn() {
        start(new AgentConfig(false, false, List.of(modem1)));
        DiscoveredModem first = present.removeFirst();
        agent.rediscover();
        scheduler.runReady();
        assertEquals(HealthState.ABSENT, modem("modem1").health().state());
        assertEquals("modem not found", modem("modem1").configError());

        present.addFirst(first);
        agent.rediscover();
        scheduler.runReady();
        assertTrue(modem("modem1").info().bearer().connected());
        assertNull(modem("modem1").configError());
    }

    @Test
    void gnssRunsOnTheFirstTrackingModemOnly() {
        ModemConfig a = Configs.withLocation(modem1, true);
        ModemConfig b = Configs.withLocation(Configs.modem("modem3", "/dev/cdc-wdm2"), true);
        start(new AgentConfig(false, false, List.of(a, b)));

        assertEquals(1, factory.modem(Path.of("/dev/cdc-wdm0")).calls("startLocation").size());
        assertTrue(factory.modem(Path.of("/dev/cdc-wdm2")).calls("startLocation").isEmpty());

        present.removeFirst();
        agent.rediscover();
        scheduler.runReady();
        assertEquals(1, factory.modem(Path.of("/dev/cdc-wdm2")).calls("startLocation").size());
    }

    @Test
    void kernelEventIsRecordedOnTheModemItNames() {
        start(new AgentConfig(false, false, List.of(modem1)));
        agent.kernelEvent(new KernelEvent(KernelEvent.Kind.NETDEV_WATCHDOG, KernelEvent.Severity.ERROR, "wwan0",
                null, null, "cdc_mbim", "NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out", 0, 1));
        scheduler.runReady();

        assertTrue(modem("modem1").events().stream().anyMatch(e -> e.kind().equals("kernel")
                && e.message().contains("transmit queue 0 timed out")));
        assertTrue(unmanaged("/dev/cdc-wdm2").events().stream().noneMatch(e -> e.kind().equals("kernel")));
    }

    @Test
    void unmanagedModemTakenByANewConfigEntryGetsConnected() {
        start(new AgentConfig(false, false, List.of(modem1)));
        agent.applyConfig(new AgentConfig(false, false, List.of(modem1,
                Configs.modem("modem3", "/dev/cdc-wdm2"))));
        scheduler.runReady();

        assertEquals(2, agent.status().modems().size());
        assertTrue(modem("modem3").info().bearer().connected());
        assertNotNull(modem("modem3").info().identity());
    }

    @Test
    void aConfiguredDevicePathSysfsDoesNotListIsOpenedDirectly(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path pty = java.nio.file.Files.createFile(dir.resolve("pts-7"));
        agent.applyConfig(new AgentConfig(false, false, List.of(Configs.modem("emulated", pty.toString()))));
        agent.rediscover();
        scheduler.runReady();

        assertEquals(List.of(pty), factory.opened);
        assertTrue(modem("emulated").info().bearer().connected());
        assertTrue(ip.calls.contains("apply(wwan0,10.1.2.3/30,mtu=0,metric=100)"), ip.calls.toString());
    }

    @Test
    void statusFileIsRewrittenOnChange(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        agent.addListener(new StatusFileWriter(file, scheduler, java.time.Duration.ZERO)); // every snapshot at once
        start(new AgentConfig(false, false, List.of(modem1)));

        String json = java.nio.file.Files.readString(file);
        assertTrue(json.contains("\"name\" : \"modem1\""), json);
        assertTrue(json.contains("\"connected\" : true"), json);
        assertTrue(json.contains("\"radioSilenceTimestamp\" : \"" + T0 + "\""), json);
    }
}
