package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.agent.mbim.EmulatedMbimModem.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.ProviderStatus;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.agent.status.Nr5gSignal;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.model.EmulatedAttachContext;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedIpType;
import org.wwan4j.emulator.model.EmulatedNrSignal;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.Plmn;

/** Each Modem method of MbimModem against the emulator's state, through the real libmbim on a pty. */
@Tag("slow")
class MbimModemTest {

    /** What the emulated network attaches with when no attach APN is configured. */
    private static final String NETWORK_DEFAULT_APN = ModemDefaults.accessPoints().getFirst().apn();
    private static final BearerProfile CORP = new BearerProfile("private.corp", IpType.IPV4, Auth.CHAP, "corp",
            "s3cret");

    private EmulatedMbimModem mbim;
    private Modem modem;

    @BeforeEach
    void start() {
        mbim = EmulatedMbimModem.start();
        modem = mbim.modem;
    }

    @AfterEach
    void stop() {
        mbim.close();
    }

    @Test
    void identityComesFromDeviceCapsWithoutAManufacturer() {
        var expected = mbim.emulator.state().identity();
        Identity identity = await(modem.identity());
        assertEquals(expected.imei(), identity.imei());
        assertEquals(expected.revision(), identity.revision());
        assertEquals(expected.hardwareRevision(), identity.model());
        assertNull(identity.manufacturer(), "MBIM has no manufacturer");
        assertEquals(Protocol.MBIM, modem.protocol());
        assertEquals(mbim.emulator.path(), modem.device());
    }

    @Test
    void everySlotIsListedAndAnInactiveCardIsToldFromAnEmptySlot() {
        List<Sim> sims = await(modem.sims());
        var card = ModemDefaults.simSlots().getFirst();
        assertEquals(List.of(
                new Sim(1, true, SimState.PRESENT, card.iccid(), card.imsi(), SimType.PHYSICAL),
                new Sim(2, false, SimState.INACTIVE, null, null, SimType.UNKNOWN),
                new Sim(3, false, SimState.ABSENT, null, null, SimType.PHYSICAL),
                new Sim(4, false, SimState.INACTIVE, null, null, SimType.UNKNOWN)), sims);
    }

    @Test
    void switchingToTheEsimSlotMakesItActiveWithItsProfileAndTellsListeners() {
        await(modem.switchSimSlot(4));
        var esim = ModemDefaults.simSlots().get(3);
        Sim expected = new Sim(4, true, SimState.PRESENT, esim.iccid(), esim.imsi(), SimType.ESIM);
        assertEquals(expected, await(modem.sims()).get(3));
        assertEquals(SimState.INACTIVE, await(modem.sims()).getFirst().state());
        mbim.events.await(ModemEvent.SimsChanged.class, e -> e.sims().get(3).equals(expected));
    }

    @Test
    void switchingToTheEmptySlotLeavesNoCardAndNoRegistration() {
        await(modem.switchSimSlot(3));
        Sim third = await(modem.sims()).get(2);
        assertEquals(new Sim(3, true, SimState.ABSENT, null, null, SimType.PHYSICAL), third);
        mbim.events.await(ModemEvent.SimsChanged.class, e -> e.sims().get(2).active());
    }

    @Test
    void aSlotTheModemDoesNotHaveIsRejected() {
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.switchSimSlot(5)));
        assertEquals(Kind.REJECTED, failure.kind());
    }

    @Test
    void registrationKeepsTheLeadingZeroOfTheMncAndNamesTheApnAttachedWith() {
        Registration registration = await(modem.registration());
        assertEquals(new Registration(RegistrationState.HOME, "262", "07", "Emu Home", List.of(Rat.LTE),
                NETWORK_DEFAULT_APN), registration);
    }

    @Test
    void aThreeDigitMncAndRoamingArriveAsARegistrationEvent() {
        mbim.emulator.state().setNetworkRegistration(new org.wwan4j.emulator.model.EmulatedRegistration(
                org.wwan4j.emulator.model.EmulatedRegistrationState.ROAMING, "310", "004", "Emu US",
                Set.of(org.wwan4j.emulator.model.EmulatedRat.LTE, org.wwan4j.emulator.model.EmulatedRat.UMTS), 1, 2,
                        3));
        ModemEvent.RegistrationChanged event = mbim.events.await(ModemEvent.RegistrationChanged.class,
                e -> e.registration().state() == RegistrationState.ROAMING);
        assertEquals(new Registration(RegistrationState.ROAMING, "310", "004", "Emu US", List.of(Rat.LTE, Rat.UMTS),
                NETWORK_DEFAULT_APN), event.registration());
        assertEquals(event.registration(), await(modem.registration()));
    }

    @Test
    void signalHasRssiRsrpSnrAndRsrqFromTheServingCell() {
        assertEquals(new Signal(-65, -9, -95, 12.5), await(modem.signal()));
    }

    @Test
    void aSignalChangeArrivesAsASignalEventOffTheLoopThread() {
        mbim.emulator.state().setSignal(new org.wwan4j.emulator.model.EmulatedSignal(-81, -12, -105, 4.5));
        ModemEvent.SignalChanged event = mbim.events.await(ModemEvent.SignalChanged.class,
                e -> Integer.valueOf(-81).equals(e.signal().rssi()));
        assertEquals(new Signal(-81, -12, -105, 4.5), event.signal());
        assertFalse(mbim.events.threads().contains("wwan4j-glib"), "listeners never run on the GLib loop");
    }

    @Test
    void connectWithCredentialsGivesBearerSettingsCountersGrowAndDisconnectDropsIt() throws Exception {
        BearerSettings settings = await(modem.connect(CORP, true));
        var ipv4 = ModemDefaults.ipv4();
        assertEquals(ipv4.address(), settings.ipv4().address());
        assertEquals(ipv4.prefix(), settings.ipv4().prefix());
        assertEquals(ipv4.gateway(), settings.ipv4().gateway());
        assertEquals(ipv4.dns(), settings.ipv4().dns());
        assertEquals(ModemDefaults.MTU, settings.ipv4().mtu());
        assertNull(settings.ipv6(), "only IPv4 was asked for");
        assertEquals("private.corp", mbim.emulator.state().bearer().apn());
        mbim.events.await(ModemEvent.BearerChanged.class, ModemEvent.BearerChanged::connected);
        assertEquals(Optional.of(settings), await(modem.bearerSettings()));

        Counters first = await(modem.counters());
        Counters later = first;
        long deadline = System.nanoTime() + EmulatedMbimModem.WAIT.toNanos();
        while (later.rxBytes() <= first.rxBytes() && System.nanoTime() < deadline) {
            Thread.sleep(100); // the emulator adds traffic every tick while connected
            later = await(modem.counters());
        }
        assertTrue(later.rxBytes() > first.rxBytes(), "counters grow while connected: " + first + " " + later);
        assertTrue(later.txPackets() >= first.txPackets());
        assertTrue(later.rxDrops() != null && later.txErrors() != null, "MBIM counts drops and errors too");

        await(modem.disconnect());
        assertFalse(mbim.emulator.state().bearer().connected());
        mbim.events.await(ModemEvent.BearerChanged.class, e -> !e.connected());
        assertEquals(Optional.empty(), await(modem.bearerSettings()));
        await(modem.disconnect()); // already down: still fine
    }

    @Test
    void papOrChapConnectsAsChapAndDualStackGivesBothFamilies() {
        BearerSettings settings = await(modem.connect(new BearerProfile("private.corp", IpType.IPV4V6,
                Auth.PAP_AND_CHAP, "corp", "s3cret"), true));
        assertEquals(ModemDefaults.ipv4().address(), settings.ipv4().address());
        assertEquals(ModemDefaults.ipv6().address(), settings.ipv6().address());
        // Connecting again replaces the session instead of failing on it.
        BearerSettings again = await(modem.connect(new BearerProfile("internet", IpType.IPV4, Auth.NONE, null, null),
                true));
        assertEquals(ModemDefaults.ipv4().address(), again.ipv4().address());
        assertEquals("internet", mbim.emulator.state().bearer().apn());
    }

    @Test
    void aWrongPasswordIsRejectedWithoutShowingIt() {
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.connect(
                new BearerProfile("private.corp", IpType.IPV4, Auth.CHAP, "corp", "wrong-secret"), true)));
        assertEquals(Kind.REJECTED, failure.kind());
        assertTrue(failure.getMessage().contains("INVALID_USER_NAME_PWD"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-secret"));
        assertFalse(mbim.emulator.state().bearer().connected());
    }

    @Test
    void connectingWhileRoamingIsRefusedWhenRoamingIsForbidden() {
        mbim.emulator.state().setNetworkRegistration(new org.wwan4j.emulator.model.EmulatedRegistration(
                org.wwan4j.emulator.model.EmulatedRegistrationState.ROAMING, "208", "01", "Emu Roam",
                Set.of(org.wwan4j.emulator.model.EmulatedRat.LTE), 1, 2, 3));
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.connect(CORP, false)));
        assertEquals(Kind.REJECTED, failure.kind());
        assertFalse(mbim.emulator.state().bearer().connected());
    }

    @Test
    void powerOffAndOnFollowTheRadioState() {
        assertEquals(Power.ONLINE, await(modem.power()));
        await(modem.setPower(Power.LOW_POWER));
        assertEquals(Power.LOW_POWER, await(modem.power()));
        assertEquals(org.wwan4j.emulator.model.PowerState.LOW_POWER, mbim.emulator.state().power());
        mbim.events.await(ModemEvent.PowerChanged.class, e -> e.power() == Power.LOW_POWER);
        assertFalse(await(modem.registration()).state() == RegistrationState.HOME, "no registration radio off");

        await(modem.setPower(Power.ONLINE));
        assertEquals(Power.ONLINE, await(modem.power()));
        mbim.events.await(ModemEvent.PowerChanged.class, e -> e.power() == Power.ONLINE);
        ModemException offline = assertThrows(ModemException.class, () -> await(modem.setPower(Power.OFFLINE)));
        assertEquals(Kind.UNSUPPORTED, offline.kind());
    }

    @Test
    void scanMarksTheCurrentTheForbiddenAndTheRoamingNetworks() {
        List<ScanProgress> progress = new CopyOnWriteArrayList<>();
        List<Provider> providers = await(modem.scanProviders(progress::add));
        assertEquals(ModemDefaults.providers().size(), providers.size());
        assertTrue(providers.contains(new Provider("262", "07", "Emu Home", ProviderStatus.CURRENT, false)),
                providers.toString());
        assertTrue(providers.contains(new Provider("208", "01", "Emu Roam", ProviderStatus.AVAILABLE, true)),
                providers.toString());
        Provider forbidden = providers.stream().filter(p -> "02".equals(p.mnc())).findFirst().orElseThrow();
        assertEquals(ProviderStatus.FORBIDDEN, forbidden.status());
        assertEquals("262", forbidden.mcc());
        assertFalse(progress.isEmpty(), "progress is reported from the start");
    }

    @Test
    void aNetworkLossArrivesAsRegistrationAndBearerEvents() {
        await(modem.connect(CORP, true));
        mbim.emulator.inject(Fault.NETWORK_LOSS);
        mbim.events.await(ModemEvent.RegistrationChanged.class,
                e -> e.registration().state() == RegistrationState.SEARCHING);
        mbim.events.await(ModemEvent.BearerChanged.class, e -> !e.connected());
        mbim.emulator.clear(Fault.NETWORK_LOSS);
        mbim.events.await(ModemEvent.RegistrationChanged.class,
                e -> e.registration().state() == RegistrationState.HOME && "07".equals(e.registration().mnc()));
    }

    @Test
    void theAttachApnIsSetAsTheHomeContextAndReadBackAsTheApnAttachedWith() {
        await(modem.setAttachProfile(CORP));
        var contexts = mbim.emulator.state().attachContexts();
        EmulatedAttachContext home = contexts.getFirst();
        assertEquals(EmulatedAttachContext.Roaming.HOME, home.roaming());
        assertEquals(List.of("private.corp", "corp", "s3cret"), List.of(home.apn(), home.username(), home.password()));
        assertEquals(EmulatedAuth.CHAP, home.auth());
        assertEquals(EmulatedIpType.IPV4, home.ipType());
        assertEquals(ModemDefaults.attachContexts().subList(1, 3), contexts.subList(1, 3),
                "partner and non-partner stay as the modem had them");
        assertEquals("private.corp", await(modem.registration()).attachApn());
        // The next registration notification carries it too.
        mbim.emulator.state().setNetworkRegistration(mbim.emulator.state().registration());
        mbim.events.await(ModemEvent.RegistrationChanged.class,
                e -> "private.corp".equals(e.registration().attachApn()));
    }

    @Test
    void preferredRatsBecomeDataClassesAndPreferredPlmnsThePreferredProviders() {
        await(modem.setPreferences(List.of(Rat.NR5G, Rat.LTE), List.of("26201", "310410")));
        assertEquals(Set.of(EmulatedRat.NR5G, EmulatedRat.LTE), mbim.emulator.state().ratPreference());
        assertEquals(List.of(new Plmn("262", "01", Set.of()), new Plmn("310", "410", Set.of())),
                mbim.emulator.state().preferredNetworks());
        await(modem.setPreferences(List.of(Rat.UMTS), List.of()));
        assertEquals(Set.of(EmulatedRat.UMTS), mbim.emulator.state().ratPreference());
        assertEquals(2, mbim.emulator.state().preferredNetworks().size(), "an empty part is left as it is");
    }

    @Test
    void locationIsUnsupportedOnMbimAndSaysSo() {
        await(modem.setPreferences(List.of(), List.of()));
        await(modem.setAttachProfile(null));
        await(modem.stopLocation());
        ModemException failure = assertThrows(ModemException.class,
                () -> await(modem.startLocation(Duration.ofSeconds(10))));
        assertEquals(Kind.UNSUPPORTED, failure.kind());
        assertTrue(failure.getMessage().contains("MBIM"), failure.getMessage());
    }

    @Test
    void on5gNsaTheNrLegIsReportedBesideLteAndBothRatsAreInUse() {
        try (EmulatedMbimModem nsa = EmulatedMbimModem.start(EmulatorOptions.defaults().withNr5gNsa(true))) {
            var nr = nsa.emulator.state();
            assertEquals(List.of(Rat.NR5G, Rat.LTE), await(nsa.modem.registration()).rats());
            assertEquals(new Signal(-65, -9, -95, 12.5, new Nr5gSignal(-88, null, 18.5)), await(nsa.modem.signal()));
            nr.setNrSignal(new EmulatedNrSignal(-80, -9, 21.0));
            ModemEvent.SignalChanged event = nsa.events.await(ModemEvent.SignalChanged.class,
                    e -> e.signal().nr5g() != null && Integer.valueOf(-80).equals(e.signal().nr5g().rsrp()));
            assertEquals(new Nr5gSignal(-80, null, 21.0), event.signal().nr5g());
            assertEquals(Integer.valueOf(-95), event.signal().rsrp(), "LTE's values stay the main ones");
        }
    }

    @Test
    void anUnpluggedModemIsRemovedOnceAndThenClosed() {
        mbim.emulator.inject(Fault.UNPLUG);
        mbim.events.await(ModemEvent.Removed.class, e -> true);
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.identity()));
        assertEquals(Kind.CLOSED, failure.kind());
    }

    @Test
    void aKeptSessionIsResumedWithTheBearerUpAndMbimEx2Signal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state)
            throws Exception {
        long closes = mbim.emulator.statistics().lastClientCloses();
        modem.close();
        awaitClientGone(closes);
        MbimModemFactory factory = new MbimModemFactory(state);
        Modem first = await(factory.open(mbim.emulator.path(), Protocol.MBIM));
        try {
            await(first.connect(CORP, true));
        } finally {
            closes = mbim.emulator.statistics().lastClientCloses();
            first.close(); // keeps the session: no CLOSE, the bearer stays up
        }
        assertTrue(mbim.emulator.state().bearer().connected());
        awaitClientGone(closes);
        Modem resumed = await(factory.open(mbim.emulator.path(), Protocol.AUTO));
        try {
            assertTrue(await(resumed.bearerSettings()).isPresent(), "the bearer survived the restart");
            assertEquals(new Signal(-65, -9, -95, 12.5), await(resumed.signal()));
        } finally {
            resumed.close();
        }
    }

    /** A pty is one stream: wait until the emulator has seen the last client go before the next opens it. */
    private void awaitClientGone(long closesBefore) throws InterruptedException {
        long deadline = System.nanoTime() + EmulatedMbimModem.WAIT.toNanos();
        while (mbim.emulator.statistics().lastClientCloses() <= closesBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aRemovedCardIsReportedAndBlocksConnectAsASimProblem() {
        mbim.emulator.inject(Fault.SIM_REMOVAL);
        mbim.events.await(ModemEvent.SimsChanged.class, e -> e.sims().getFirst().state() == SimState.ABSENT);
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.connect(CORP, true)));
        assertEquals(Kind.SIM, failure.kind(), failure.getMessage());
        mbim.emulator.clear(Fault.SIM_REMOVAL);
        mbim.events.await(ModemEvent.SimsChanged.class, e -> e.sims().getFirst().state() == SimState.PRESENT
                && e.sims().getFirst().iccid() != null);
    }

    @Test
    void aHungModemTimesOutWithinTheRequestBound() {
        mbim.emulator.inject(Fault.HANG);
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.identity()));
        assertEquals(Kind.TIMEOUT, failure.kind(), failure.getMessage());
        mbim.emulator.clear(Fault.HANG);
    }

    @Test
    void afterCloseEveryRequestFailsClosed() {
        modem.close();
        modem.close();
        ModemException failure = assertThrows(ModemException.class, () -> await(modem.registration()));
        assertEquals(Kind.CLOSED, failure.kind());
    }
}
