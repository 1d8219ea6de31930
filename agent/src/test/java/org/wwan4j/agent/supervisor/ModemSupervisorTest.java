package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.policy.SimSlotPolicy;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.ManualScheduler;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedFactory;
import org.wwan4j.agent.testing.ScriptedModem;
import org.wwan4j.agent.testing.ScriptedProber;

class ModemSupervisorTest {

    private static final Path DEV = Path.of("/dev/cdc-wdm0");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ScriptedFactory factory = new ScriptedFactory();
    private final ScriptedModem modem = factory.modem(DEV);
    private final RecordingIp ip = new RecordingIp();
    private final ScriptedProber prober = new ScriptedProber();
    private final List<String> transitions = new ArrayList<>();
    private volatile ModemStatus status;
    private final ModemConfig config = Configs.modem("modem1", DEV.toString());

    private final List<Integer> scanProgress = new ArrayList<>();
    private final SupervisorListener listener = new SupervisorListener() {
        @Override
        public void scanProgress(ModemSupervisor supervisor, org.wwan4j.agent.modem.ScanProgress progress) {
            scanProgress.add(progress.percent());
        }

        @Override
        public void statusChanged(ModemSupervisor supervisor, ModemStatus s) {
            status = s;
        }

        @Override
        public void stateChanged(ModemSupervisor supervisor, SupervisorState from, SupervisorState to, String why) {
            transitions.add(to.jsonName());
        }
    };

    private ModemSupervisor supervisor(Desired desired) {
        return supervisor(desired, SupervisorSettings.DEFAULTS);
    }

    private ModemSupervisor supervisor(Desired desired, SupervisorSettings settings) {
        return new ModemSupervisor("modem1", desired, settings, scheduler, factory,
                new ConnectPolicy(ap -> java.util.Optional.ofNullable(ap.password())),
                Backoff.withDefaults(new FixedRandom(0.5)), ip, prober, listener);
    }

    private static Desired managed(ModemConfig config) {
        return new Desired(config, false, T0, false, false);
    }

    private ModemSupervisor connected() {
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        assertEquals(SupervisorState.CONNECTED, s.state());
        transitions.clear();
        modem.clearCalls();
        ip.calls.clear();
        return s;
    }

    @Test
    void coldStartPowersOnRegistersConnectsAndReportsEveryField() {
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();

        assertEquals(List.of("opening", "ready", "registering", "connecting", "connected"), transitions);
        assertEquals(List.of("identity", "power", "sims", "registration", "signal", "setPower(online)", "sims",
                "registration", "bearerSettings", "connect(internet,roaming=true)", "counters"), modem.calls());
        assertEquals(List.of("apply(wwan0,10.1.2.3/30,mtu=0,metric=100)"), ip.calls);
        assertEquals("modem1", status.name());
        assertEquals(HealthState.OK, status.health().state());
        assertNull(status.configError());
        assertEquals("/dev/cdc-wdm0", status.info().device());
        assertEquals(Protocol.QMI, status.info().protocol());
        assertEquals(ScriptedModem.IDENTITY, status.info().identity());
        assertEquals(Power.ONLINE, status.info().power());
        assertEquals("15", status.info().registration().mnc());
        assertEquals(-95, status.info().signal().rsrp());
        assertTrue(status.info().bearer().connected());
        assertEquals("internet", status.info().bearer().apn());
        assertEquals(T0, status.info().bearer().connectedAt());
        assertEquals("10.1.2.3", status.info().bearer().ipv4().address());
        assertEquals(3L, status.info().counters().txPackets());
        assertEquals(1, modem.listenerCount());
    }

    @Test
    void theDataFormatAModelNeedsComesFromTheVendorTable() {
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0", null, "413c:81a8"); // Dell DW5808 (Sierra MC7355): 802.3
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(org.wwan4j.agent.status.DataFormat.ETHERNET, modem.modelNeeds);
    }

    @Test
    void aModemThatNamesNoManufacturerShowsTheOneItsUsbDescriptorNames() {
        modem.identity = new org.wwan4j.agent.status.Identity("356789012345678", null, "EM7565", "SWI9X50C", null);
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0", null, "1199:9091", "Sierra Wireless, Incorporated");
        scheduler.runReady();

        assertEquals("Sierra Wireless, Incorporated", status.info().identity().manufacturer());
        assertEquals("EM7565", status.info().identity().model());
    }

    @Test
    void theModemsOwnManufacturerWinsOverTheUsbDescriptor() {
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0", null, "2c7c:0512", "Android");
        scheduler.runReady();

        assertEquals(ScriptedModem.IDENTITY, status.info().identity());
    }

    @Test
    void aModemTheTableDoesNotKnowIsAskedForWhatTheHostPrefers() {
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0", null, "dead:beef");
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertNull(modem.modelNeeds);
    }

    @Test
    void thePortIsOpenedShareableOnlyWhenTheConfigAsksForLocationTracking() {
        supervisor(managed(config)).found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        java.nio.file.Path other = java.nio.file.Path.of("/dev/cdc-wdm1");
        ModemSupervisor tracking = supervisor(managed(Configs.withLocation(Configs.modem("modem2", other.toString()),
                true)));
        tracking.found(other, Protocol.QMI, "wwan1");
        scheduler.runReady();

        assertEquals(List.of(false, true), factory.shareable);
    }

    @Test
    void preferencesAndAttachBearerAreSetBeforeRegistering() {
        ModemConfig prefs = Configs.withPreferences(config, List.of(Rat.LTE, Rat.UMTS), List.of("23415"),
                new AccessPoint("attach.apn", org.wwan4j.agent.config.IpType.IPV4,
                        org.wwan4j.agent.config.Auth.NONE, null, null, null));
        ModemSupervisor s = supervisor(managed(prefs));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        List<String> calls = modem.calls();
        int preferences = calls.indexOf("setPreferences([LTE, UMTS],[23415])");
        int attach = calls.indexOf("setAttachProfile(attach.apn)");
        int connect = calls.indexOf("connect(internet,roaming=true)");
        assertTrue(preferences >= 0 && preferences < attach && attach < connect, calls.toString());
    }

    @Test
    void waitsForRegistrationIndicationBeforeConnecting() {
        modem.network = new Registration(RegistrationState.SEARCHING, null, null, null, List.of());
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        assertEquals(SupervisorState.REGISTERING, s.state());
        assertTrue(modem.calls("connect").isEmpty());

        modem.emit(new ModemEvent.RegistrationChanged(
                new Registration(RegistrationState.ROAMING, "208", "01", "Orange", List.of(Rat.LTE))));
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals("01", status.info().registration().mnc());
    }

    @Test
    void accessPointChangeDisconnectsAndReconnectsWithTheNewApn() {
        ModemSupervisor s = connected();
        s.update(managed(Configs.withApn(config, "corp.apn")));
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(List.of("ready", "registering", "connecting", "connected"), transitions);
        List<String> calls = modem.calls();
        assertTrue(calls.indexOf("disconnect") < calls.indexOf("connect(corp.apn,roaming=true)"), calls.toString());
        assertEquals(List.of("remove(wwan0)", "apply(wwan0,10.1.2.3/30,mtu=0,metric=100)"), ip.calls);
        assertEquals("corp.apn", status.info().bearer().apn());
    }

    @Test
    void mtuOrMetricChangeOnlyReappliesIpSettings() {
        ModemSupervisor s = connected();
        s.update(managed(Configs.withMtu(config, 1400)));
        scheduler.runReady();
        s.update(managed(Configs.withMetric(Configs.withMtu(config, 1400), 200)));
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(transitions.isEmpty(), transitions.toString());
        assertTrue(modem.calls("connect").isEmpty() && modem.calls("disconnect").isEmpty(), modem.calls().toString());
        assertEquals(List.of("apply(wwan0,10.1.2.3/30,mtu=1400,metric=100)",
                "apply(wwan0,10.1.2.3/30,mtu=1400,metric=200)"), ip.calls);
    }

    @Test
    void radioSilenceDisconnectsGoesLowPowerAndEchoesTheRequestTime() {
        ModemSupervisor s = connected();
        Instant requested = T0.plusSeconds(30);
        s.update(new Desired(config, true, requested, false, false));
        scheduler.runReady();

        assertEquals(SupervisorState.RADIO_OFF, s.state());
        assertEquals(List.of("disconnect", "setPower(low-power)"), modem.calls());
        assertEquals(List.of("remove(wwan0)"), ip.calls);
        assertEquals(requested, s.radioConfirmedAt());
        assertEquals(Power.LOW_POWER, status.info().power());
        assertFalse(status.info().bearer().connected());

        Instant lifted = T0.plusSeconds(90);
        s.update(new Desired(config, false, lifted, false, false));
        scheduler.runReady();
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(lifted, s.radioConfirmedAt());
        assertTrue(modem.calls().contains("setPower(online)"));
    }

    @Test
    void unmanagedModemIsKeptRadioOff() {
        ModemSupervisor s = supervisor(new Desired(null, false, T0, false, false));
        modem.power = Power.ONLINE;
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();

        assertEquals(SupervisorState.RADIO_OFF, s.state());
        assertTrue(modem.calls().contains("setPower(low-power)"));
        assertTrue(modem.calls("connect").isEmpty());
        assertNull(status.name());
        assertEquals(HealthState.OK, status.health().state());
    }

    @Test
    void configuredSlotThatIsInactiveIsSwitchedToBeforeConnecting() {
        modem.sims = List.of(new Sim(1, true, SimState.PRESENT, "111", "1", SimType.PHYSICAL),
                new Sim(2, false, SimState.INACTIVE, "222", null, SimType.PHYSICAL));
        ModemSupervisor s = supervisor(managed(Configs.withSimSlot(config, 2)));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        List<String> calls = modem.calls();
        assertTrue(calls.indexOf("switchSimSlot(2)") < calls.indexOf("connect(internet,roaming=true)"),
                calls.toString());
        assertTrue(status.info().sims().get(1).active());
        assertEquals(SimState.INACTIVE, status.info().sims().get(0).state());
    }

    @Test
    void slotZeroAvoidsAnEsimWithoutProfile() {
        modem.sims = List.of(new Sim(1, true, SimState.ABSENT, null, null, SimType.ESIM),
                new Sim(2, false, SimState.INACTIVE, "222", null, SimType.PHYSICAL));
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(List.of("switchSimSlot(2)"), modem.calls("switchSimSlot"));
    }

    @Test
    void absentSimFailsWithReasonUntilACardArrives() {
        modem.sims = List.of(new Sim(1, true, SimState.ABSENT, null, null, SimType.PHYSICAL));
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        assertEquals(SupervisorState.FAILED, s.state());
        assertEquals(SimSlotPolicy.SIM_ABSENT, status.configError());

        modem.sims = List.of(new Sim(1, true, SimState.PRESENT, "333", "3", SimType.PHYSICAL));
        modem.emit(new ModemEvent.SimsChanged(modem.sims));
        scheduler.runReady();
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertNull(status.configError());
    }

    @Test
    void failedConnectsBackOffExponentiallyUpToTheCap() {
        // A safety tick beyond the cap, so the next pending timer is always the retry.
        SupervisorSettings settings = new SupervisorSettings(Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofSeconds(10), 3);
        ModemSupervisor s = supervisor(managed(config), settings);
        List<Duration> delays = new ArrayList<>();
        modem.failNext("connect", new ModemException(ModemException.Kind.REJECTED, "unknown APN"));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        for (int attempt = 0; attempt < 10; attempt++) {
            assertEquals(SupervisorState.RECOVERING, s.state());
            assertEquals(HealthState.RECOVERING, status.health().state());
            assertEquals("unknown APN", status.health().lastError());
            assertEquals("unknown APN", status.configError());
            Duration delay = scheduler.nextDelay();
            delays.add(delay);
            if (attempt < 9) {
                modem.failNext("connect", new ModemException(ModemException.Kind.REJECTED, "unknown APN"));
            }
            scheduler.advance(delay);
        }
        assertEquals(Backoff.DEFAULT_INITIAL, delays.get(0));
        assertEquals(Backoff.DEFAULT_INITIAL.multipliedBy(2), delays.get(1));
        assertEquals(Backoff.DEFAULT_INITIAL.multipliedBy(4), delays.get(2));
        assertEquals(Backoff.DEFAULT_CAP, delays.get(9));
        assertEquals(10, status.health().recoveries());
        // The attempt after the last delay succeeded (no failure scripted): back to connected, backoff reset.
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.OK, status.health().state());
    }

    @Test
    void aConnectThatNeverCompletesWalksTheLadderToStuckAndRetriesAfterBackoff() {
        modem.hang("connect");
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        scheduler.advance(SupervisorState.CONNECTING.timeout());
        assertEquals(org.wwan4j.agent.status.RecoveryStep.REOPEN, status.health().recoveryStep());
        scheduler.advance(SupervisorState.CONNECTING.timeout());
        assertEquals(org.wwan4j.agent.status.RecoveryStep.RESET, status.health().recoveryStep());
        assertEquals(List.of("reset"), modem.calls("reset"));
        scheduler.advance(RecoveryBounds.DEFAULT_SETTLE);
        scheduler.advance(SupervisorState.CONNECTING.timeout());
        assertEquals(SupervisorState.STUCK, s.state());
        assertEquals(HealthState.STUCK, status.health().state());
        modem.unhang("connect");
        scheduler.advance(scheduler.nextDelay());
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(HealthState.OK, status.health().state());
        assertNull(status.health().recoveryStep());
    }

    @Test
    void bearerDropReconnectsAtOnce() {
        ModemSupervisor s = connected();
        modem.emit(new ModemEvent.BearerChanged(false, "network detach"));
        scheduler.runReady();

        assertEquals(List.of("registering", "connecting", "connected"), transitions);
        assertEquals(List.of("remove(wwan0)", "apply(wwan0,10.1.2.3/30,mtu=0,metric=100)"), ip.calls);
    }

    @Test
    void aFieldTheFirmwareCannotGiveIsAStatusEventAndChangesNothingElse() {
        ModemSupervisor s = connected();
        modem.emit(new ModemEvent.FieldUnavailable("hardware revision",
                "DMS Get Hardware Revision: QMI protocol error (71): 'InvalidQmiCommand'"));
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(List.of(), transitions);
        assertTrue(status.events().stream().anyMatch(e -> e.kind().equals("capability")
                && e.message().equals("hardware revision unavailable: DMS Get Hardware Revision: QMI protocol error "
                + "(71): 'InvalidQmiCommand'")), status.events()::toString);
    }

    @Test
    void safetyTickNoticesALostBearer() {
        ModemSupervisor s = connected();
        modem.bearer = null;
        scheduler.advance(SupervisorSettings.DEFAULT_SAFETY_TICK);
        assertEquals(List.of("registering", "connecting", "connected"), transitions);
        assertEquals(SupervisorState.CONNECTED, s.state());
    }

    @Test
    void countersAreRefreshedOnTheirPeriod() {
        connected();
        modem.counters = new org.wwan4j.agent.status.Counters(1000L, 2000L, 30L, 40L, 1L, 2L, 3L, 4L);
        scheduler.advance(SupervisorSettings.DEFAULT_COUNTERS_PERIOD);
        assertEquals(2000L, status.info().counters().rxBytes());
        assertEquals(4L, status.info().counters().rxErrors());
    }

    @Test
    void failedProbeReconnectsOnceAndReportsTheError() {
        ModemSupervisor s = connected();
        modem.trafficFlows = true; // the probe target is down, not the data plane: no stall

        prober.thenFail("ping 8.8.8.8: no reply");
        prober.thenFail("ping 8.8.8.8: no reply");
        scheduler.advance(Duration.ofSeconds(config.probe().intervalSeconds()));

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(1, modem.calls("connect").size(), modem.calls().toString());
        assertEquals(2, prober.probed.size());
        assertEquals("ping 8.8.8.8: no reply", status.probeError());

        scheduler.advance(Duration.ofSeconds(config.probe().intervalSeconds()));
        assertNull(status.probeError());
        assertEquals(1, modem.calls("connect").size());
    }

    @Test
    void missingModemReportsNotFoundAndAbsent() {
        supervisor(managed(config));
        scheduler.runReady();
        assertEquals("modem not found", status.configError());
        assertEquals(HealthState.ABSENT, status.health().state());
        assertTrue(factory.opened.isEmpty());
    }

    @Test
    void removedModemIsReopenedAfterBackoff() {
        ModemSupervisor s = connected();
        modem.emit(new ModemEvent.Removed("port closed"));
        scheduler.runReady();
        assertEquals(SupervisorState.RECOVERING, s.state());
        assertTrue(modem.isClosed());
        scheduler.advance(scheduler.nextDelay());
        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(2, factory.opened.size());
    }

    @Test
    void lostModemGoesAbsentAndDropsIpSettings() {
        ModemSupervisor s = connected();
        s.lost("control port removed");
        scheduler.runReady();
        assertEquals(SupervisorState.ABSENT, s.state());
        assertEquals(List.of("remove(wwan0)"), ip.calls);
        assertEquals(HealthState.ABSENT, status.health().state());
        assertNotNull(status.info().identity());
    }

    @Test
    void locationStartsOnlyWithTheGrant() {
        ModemConfig tracking = Configs.withLocation(config, true);
        ModemSupervisor s = supervisor(managed(tracking));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        assertTrue(modem.calls("startLocation").isEmpty());

        s.update(managed(tracking).withLocationGranted(true));
        scheduler.runReady();
        assertEquals(List.of("startLocation(10s)"), modem.calls("startLocation"));

        s.update(managed(tracking).withLocationGranted(false));
        scheduler.runReady();
        assertEquals(List.of("stopLocation"), modem.calls("stopLocation"));
    }

    @Test
    void providerScanRunsWhenEnabledReportsProgressAndRepeatsHourly() {
        modem.providers = List.of(new org.wwan4j.agent.status.Provider("234", "15", "Vodafone",
                org.wwan4j.agent.status.ProviderStatus.CURRENT, false),
                new org.wwan4j.agent.status.Provider("234", "10", "O2",
                        org.wwan4j.agent.status.ProviderStatus.AVAILABLE, false));
        ModemSupervisor s = connected();
        s.update(new Desired(config, false, T0, true, false));
        scheduler.runReady();
        assertEquals(1, modem.calls("scanProviders").size());
        assertEquals(2, status.info().providers().size());
        assertEquals(List.of(5), scanProgress);

        scheduler.advance(SupervisorSettings.DEFAULT_SCAN_PERIOD);
        assertEquals(2, modem.calls("scanProviders").size());

        s.update(new Desired(config, false, T0, false, false));
        scheduler.runReady();
        assertTrue(status.info().providers().isEmpty());
    }

    @Test
    void failedModemWithoutSimDoesNotCycleOnTheSafetyTick() {
        modem.sims = List.of(new Sim(1, true, SimState.ABSENT, null, null, SimType.PHYSICAL));
        ModemSupervisor s = supervisor(managed(config));
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        transitions.clear();

        scheduler.advance(SupervisorSettings.DEFAULT_SAFETY_TICK.multipliedBy(3));
        assertEquals(SupervisorState.FAILED, s.state());
        assertTrue(transitions.isEmpty(), transitions.toString());

        modem.sims = List.of(new Sim(1, true, SimState.PRESENT, "333", "3", SimType.PHYSICAL));
        scheduler.advance(SupervisorSettings.DEFAULT_SAFETY_TICK);
        assertEquals(SupervisorState.CONNECTED, s.state());
    }

    @Test
    void radioSilenceWhileWaitingToReopenIsAppliedOnceTheModemIsBack() {
        ModemSupervisor s = connected();
        modem.emit(new ModemEvent.Removed("port closed"));
        scheduler.runReady();
        assertEquals(SupervisorState.RECOVERING, s.state());

        Instant requested = T0.plusSeconds(5);
        s.update(new Desired(config, true, requested, false, false));
        scheduler.runReady();
        assertEquals(SupervisorState.RECOVERING, s.state());

        scheduler.advance(scheduler.nextDelay());
        assertEquals(SupervisorState.RADIO_OFF, s.state());
        assertEquals(requested, s.radioConfirmedAt());
        assertTrue(modem.calls("connect").isEmpty(), modem.calls().toString());
    }

    @Test
    void modemReappearingUnderAnotherPortIsReopenedThere() {
        ModemSupervisor s = connected();
        Path other = Path.of("/dev/cdc-wdm3");
        s.found(other, Protocol.QMI, "wwan0");
        scheduler.runReady();

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(modem.isClosed());
        assertEquals(List.of(DEV, other), factory.opened);
        assertEquals(List.of("remove(wwan0)", "apply(wwan0,10.1.2.3/30,mtu=0,metric=100)"), ip.calls);
        assertEquals("/dev/cdc-wdm3", status.info().device());
    }
}
