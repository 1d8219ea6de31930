package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * The agent end to end: config file in, status out, through QmiModem, the real libqmi and a real pty to the
 * emulator. Each test starts from a fresh emulated modem (the emulator's defaults: MNC "07", a card in inactive slot
 * 2, an empty slot 3, an eSIM in slot 4) and checks what the agent reports against the emulator's own state.
 */
@Timeout(180)
@Tag("slow")
class QmiAgentEndToEndTest {

    @TempDir
    Path dir;

    private EmulatedModem modem;
    private AgentHarness agent;

    private AgentHarness start(String config, SupervisorSettings settings) throws Exception {
        agent = new AgentHarness(dir, config, settings);
        return agent;
    }

    private String path() {
        return modem.path().toString();
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    private static boolean connected(ModemStatus m) {
        return m.info().bearer() != null && m.info().bearer().connected();
    }

    @Test
    void coldStartReachesConnectedAndReportsWhatTheModemIs() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        start(AgentHarness.config(path(), "", ""), AgentHarness.settings(Duration.ofSeconds(60), Duration.ofSeconds(2)));

        ModemStatus m = agent.awaitModem("connected with traffic counted", s -> connected(s)
                && s.info().counters() != null && s.info().counters().rxPackets() != null
                && s.info().counters().rxPackets() > 0);
        ModemInfo info = m.info();
        var emulated = modem.state();
        assertEquals("m1", m.name());
        assertEquals(HealthState.OK, m.health().state());
        assertEquals(org.wwan4j.agent.config.Protocol.QMI, info.protocol());
        assertEquals(emulated.identity().imei(), info.identity().imei());
        assertEquals(emulated.identity().manufacturer(), info.identity().manufacturer());
        assertEquals(emulated.identity().model(), info.identity().model());
        assertEquals(emulated.identity().revision(), info.identity().revision());
        assertEquals(Power.ONLINE, info.power());

        List<Sim> sims = info.sims();
        assertEquals(4, sims.size(), sims::toString);
        assertEquals(new Sim(1, true, SimState.PRESENT, "89490700001234567890", "262071234567890", SimType.PHYSICAL),
                sims.get(0));
        assertEquals(new Sim(2, false, SimState.INACTIVE, "89490700009876543210", null, SimType.PHYSICAL), sims.get(1));
        assertEquals(new Sim(3, false, SimState.ABSENT, null, null, SimType.PHYSICAL), sims.get(2));
        assertEquals(SimType.ESIM, sims.get(3).type());
        assertEquals(SimState.INACTIVE, sims.get(3).state());

        assertEquals(RegistrationState.HOME, info.registration().state());
        assertEquals("262", info.registration().mcc());
        assertEquals("07", info.registration().mnc(), "the MNC keeps its leading zero");
        assertEquals("Emu Home", info.registration().operator());
        assertEquals(List.of(Rat.LTE), info.registration().rats());

        assertEquals(-65, info.signal().rssi());
        assertEquals(-9, info.signal().rsrq());
        assertEquals(-95, info.signal().rsrp());
        assertEquals(12.5, info.signal().snr());

        assertTrue(info.bearer().connected());
        assertEquals("internet", info.bearer().apn());
        assertNotNull(info.bearer().connectedAt());
        IpSettings v4 = info.bearer().ipv4();
        assertEquals("10.64.12.34", v4.address());
        assertEquals(30, v4.prefix());
        assertEquals("10.64.12.33", v4.gateway());
        assertEquals(List.of("10.64.0.1", "10.64.0.2"), v4.dns());
        assertEquals(1430, v4.mtu());

        var counters = info.counters();
        assertTrue(counters.txBytes() > 0 && counters.rxBytes() > 0, counters::toString);
        assertTrue(counters.txPackets() > 0, counters::toString);
        assertNotNull(counters.rxDrops(), "QMI counts drops");
        assertNotNull(counters.txErrors(), "QMI counts errors");
        assertTrue(emulated.bearer().connected());
        assertTrue(agent.ip.calls.contains("apply(emu0,10.64.12.34/30,mtu=0,metric=100)"), agent.ip.calls::toString);
    }

    /**
     * An older firmware (the emulator's legacy profile: no UIM Read Transparent or Slot Status, no NAS Signal Info or
     * System Info) is brought up like any other, and status has every field through the fallbacks; signal changes
     * come through the NAS Event Report.
     */
    @Test
    void anOlderFirmwareReachesConnectedAndReportsEveryFieldThroughTheFallbacks() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI, EmulatorOptions.defaults()
                .withProfile(FirmwareProfile.LEGACY));
        start(AgentHarness.config(path(), "", ""), AgentHarness.settings(Duration.ofSeconds(60),
                Duration.ofSeconds(2)));

        ModemInfo info = agent.awaitModem("connected", QmiAgentEndToEndTest::connected).info();
        var emulated = modem.state();
        assertEquals(emulated.identity().hardwareRevision(), info.identity().hardwareRevision());
        var card = emulated.activeCard().orElseThrow();
        assertEquals(List.of(new Sim(1, true, SimState.PRESENT, card.iccid(), card.imsi(), SimType.UNKNOWN)),
                info.sims());
        assertEquals(RegistrationState.HOME, info.registration().state());
        assertEquals("07", info.registration().mnc());
        assertEquals("Emu Home", info.registration().operator());
        assertEquals(List.of(Rat.LTE), info.registration().rats());
        assertEquals(emulated.signal().rsrp(), info.signal().rsrp());

        modem.state().setSignal(new EmulatedSignal(-77, -12, -105, 4.0));
        ModemStatus moved = agent.awaitModem("the new signal from an Event Report",
                s -> s.info().signal() != null && Integer.valueOf(-105).equals(s.info().signal().rsrp()));
        assertEquals(-77, moved.info().signal().rssi());
        assertEquals(-12, moved.info().signal().rsrq());
        assertEquals(4.0, moved.info().signal().snr());
        // The data format is the one capability such firmware lacks: it keeps 802.3, and says so once.
        assertTrue(moved.events().stream().noneMatch(e -> e.kind().equals("capability")
                        && !e.message().startsWith(QmiDataFormat.FIELD)),
                () -> "every field had a fallback: " + moved.events());
    }

    @Test
    void anApnChangeReconnectsWhileAnMtuChangeOnlyReappliesIp() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        start(AgentHarness.config(path(), "", ""), SupervisorSettings.DEFAULTS);
        Instant firstConnect = agent.awaitModem("connected", QmiAgentEndToEndTest::connected).info().bearer()
                .connectedAt();

        agent.writeConfig(AgentHarness.config(path(), "\"mtu\": 1400", ""));
        AgentHarness.until("IP re-applied with the new MTU",
                () -> agent.ip.calls.contains("apply(emu0,10.64.12.34/30,mtu=1400,metric=100)"));
        ModemStatus afterMtu = agent.awaitModem("still connected", QmiAgentEndToEndTest::connected);
        assertEquals(firstConnect, afterMtu.info().bearer().connectedAt(), "an MTU change must not reconnect");
        assertEquals("internet", modem.state().bearer().apn());

        agent.writeConfig(AgentHarness.config(path(), "\"mtu\": 1400", "").replace("\"internet\"", "\"ims\""));
        ModemStatus afterApn = agent.awaitModem("reconnected with the new APN",
                s -> connected(s) && "ims".equals(s.info().bearer().apn()));
        assertTrue(modem.state().bearer().connected());
        assertEquals("ims", modem.state().bearer().apn());
        assertFalse(firstConnect.equals(afterApn.info().bearer().connectedAt()), "an APN change reconnects");
    }

    @Test
    void radioSilenceGoesToLowPowerAndBackAndEchoesItsTime() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        start(AgentHarness.config(path(), "", ""), SupervisorSettings.DEFAULTS);
        agent.awaitModem("connected", QmiAgentEndToEndTest::connected);

        Instant requested = Instant.now();
        agent.writeConfig(AgentHarness.config(path(), "", "\"radioSilence\": true"));
        AgentStatus silent = agent.await("radio silence confirmed", s -> s.radioSilence()
                && s.radioSilenceTimestamp() != null && !s.radioSilenceTimestamp().isBefore(requested)
                && s.modems().get(0).info().power() == Power.LOW_POWER);
        assertEquals(PowerState.LOW_POWER, modem.state().power());
        assertFalse(modem.state().bearer().connected());
        assertFalse(connected(silent.modems().get(0)));

        Instant lifted = Instant.now();
        agent.writeConfig(AgentHarness.config(path(), "", "\"radioSilence\": false"));
        agent.await("radio back on and connected", s -> !s.radioSilence() && s.radioSilenceTimestamp() != null
                && !s.radioSilenceTimestamp().isBefore(lifted) && connected(s.modems().get(0)));
        assertEquals(PowerState.ONLINE, modem.state().power());
    }

    @Test
    void aConfiguredSimSlotIsSwitchedTo() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        start(AgentHarness.config(path(), "\"simSlot\": 2", ""), SupervisorSettings.DEFAULTS);
        ModemStatus m = agent.awaitModem("connected on slot 2", s -> connected(s)
                && s.info().sims().size() == 4 && s.info().sims().get(1).active());
        assertEquals(2, modem.state().activeSlot().orElseThrow().number());
        Sim two = m.info().sims().get(1);
        assertEquals(SimState.PRESENT, two.state());
        assertEquals("89490700009876543210", two.iccid());
        assertEquals("262079876543210", two.imsi());
        assertEquals(SimState.INACTIVE, m.info().sims().get(0).state(), "the card in slot 1 is now inactive");
    }

    @Test
    void aProviderScanReportsRoaming() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        start(AgentHarness.config(path(), "", "\"scanProviders\": true"), SupervisorSettings.DEFAULTS);
        ModemStatus m = agent.awaitModem("providers", s -> !s.info().providers().isEmpty());
        List<Provider> providers = m.info().providers();
        assertEquals(modem.state().providers().size(), providers.size(), providers::toString);
        Provider roam = providers.stream().filter(p -> "208".equals(p.mcc())).findFirst().orElseThrow();
        assertEquals("01", roam.mnc());
        assertEquals(Boolean.TRUE, roam.roaming());
        Provider home = providers.stream().filter(p -> "Emu Home".equals(p.name())).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, home.roaming());
        assertEquals("07", home.mnc());
    }

    @Test
    void aSignalChangeArrivesAsAnEventWithoutPolling() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        // Safety tick and counters an hour away: nothing re-reads the signal, only the indication can bring it.
        start(AgentHarness.config(path(), "", ""), AgentHarness.settings(Duration.ofHours(1), Duration.ofHours(1)));
        agent.awaitModem("connected", QmiAgentEndToEndTest::connected);
        LinkedBlockingQueue<Integer> rssi = new LinkedBlockingQueue<>();
        agent.daemon.agent().addListener(new AgentListener() {
            @Override
            public void statusChanged(AgentStatus s) {
                if (!s.modems().isEmpty() && s.modems().get(0).info().signal() != null
                        && s.modems().get(0).info().signal().rssi() != null) {
                    rssi.add(s.modems().get(0).info().signal().rssi());
                }
            }
        });
        modem.state().setSignal(new EmulatedSignal(-83, -13, -112, 4.0));
        Integer value;
        do {
            value = rssi.poll(AgentHarness.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(value, "no status with the new signal was published");
        } while (value != -83);
        ModemInfo info = agent.daemon.agent().status().modems().get(0).info();
        assertEquals(-112, info.signal().rsrp());
        assertEquals(4.0, info.signal().snr());
    }

    @Test
    void aConfiguredModemThatIsNotThereIsReportedAbsent() throws Exception {
        Path missing = dir.resolve("no-such-modem");
        start(AgentHarness.config(missing.toString(), "", ""), SupervisorSettings.DEFAULTS);
        ModemStatus m = agent.awaitModem("absent", s -> s.health().state() == HealthState.ABSENT);
        assertEquals("m1", m.name());
        assertEquals("modem not found", m.configError());
    }

    @Test
    void anInvalidConfigIsReportedAndTheLastGoodOneKeepsRunning() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        start(AgentHarness.config(path(), "", ""), SupervisorSettings.DEFAULTS);
        agent.awaitModem("connected", QmiAgentEndToEndTest::connected);

        agent.writeConfig(AgentHarness.config(path(), "\"mtuu\": 1400", ""));
        AgentStatus rejected = agent.await("config error", s -> s.configError() != null);
        assertTrue(rejected.configError().contains("mtuu"), rejected::configError);
        assertTrue(connected(rejected.modems().get(0)));
        assertTrue(modem.state().bearer().connected());
        assertNull(rejected.modems().get(0).configError());
    }
}
