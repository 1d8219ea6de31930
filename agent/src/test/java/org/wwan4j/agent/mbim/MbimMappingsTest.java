package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.ProviderStatus;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.mbim.AuthProtocol;
import org.wwan4j.mbim.DataClass;
import org.wwan4j.mbim.ProviderState;
import org.wwan4j.mbim.RegisterState;
import org.wwan4j.mbim.StatusError;
import org.wwan4j.mbim.SubscriberReadyState;
import org.wwan4j.mbim.UiccSlotState;

/** The MBIM-to-neutral translations for values the emulator does not produce (locked cards, unknown codes...). */
class MbimMappingsTest {

    @Test
    void signalCodesBecomeDbmAndOutOfRangeCodesUnknown() {
        assertEquals(-113, MbimSignals.rssi(0));
        assertEquals(-51, MbimSignals.rssi(31));
        assertNull(MbimSignals.rssi(MbimSignals.RSSI_UNKNOWN));
        assertEquals(-156, MbimSignals.rsrp(1));
        assertNull(MbimSignals.rsrp(0xFFFFFFFFL));
        assertEquals(-23.5, MbimSignals.snr(0));
        assertEquals(40.0, MbimSignals.snr(127));
        assertNull(MbimSignals.snr(128));
    }

    @Test
    void providerIdsSplitIntoMccAndATwoOrThreeDigitMnc() {
        assertEquals("262", MbimRegistrations.mcc("26207"));
        assertEquals("07", MbimRegistrations.mnc("26207"));
        assertEquals("007", MbimRegistrations.mnc("310007"));
        assertNull(MbimRegistrations.mcc("2620"));
        assertNull(MbimRegistrations.mnc("Emu Home"));
    }

    @Test
    void aSearchingModemHasNoOperatorAndDataClassesGroupIntoRats() {
        Registration searching = MbimRegistrations.of(RegisterState.fromValue(RegisterState.SEARCHING.value()),
                "26207", "Emu Home", DataClass.fromValue(DataClass.LTE.value()));
        assertEquals(new Registration(RegistrationState.SEARCHING, null, null, null, List.of()), searching);
        long all = DataClass.toValue(List.of(DataClass.EDGE, DataClass.HSDPA, DataClass.LTE, DataClass._5G_NSA));
        assertEquals(List.of(Rat.NR5G, Rat.LTE, Rat.UMTS, Rat.GSM), MbimRegistrations.rats(DataClass.fromValue(all)));
        assertEquals(RegistrationState.ROAMING, MbimRegistrations.state(RegisterState.fromValue(5)));
        assertEquals(RegistrationState.UNKNOWN, MbimRegistrations.state(RegisterState.fromValue(77)));
    }

    @Test
    void fiveGNsaAloneMeansAnLteAnchorAndItsNrEntryIsTheNrLeg() {
        assertEquals(List.of(Rat.NR5G, Rat.LTE),
                MbimRegistrations.rats(DataClass.fromValue(DataClass._5G_NSA.value())));
        var lte = new org.wwan4j.mbim.RsrpSnrInfo(62, 72, 0, 0, DataClass.LTE.value());
        var nr = new org.wwan4j.mbim.RsrpSnrInfo(69, 84, 0, 0, DataClass._5G_NSA.value());
        // The NR entry first on the wire still leaves LTE as the anchor.
        assertEquals(new org.wwan4j.agent.status.Signal(-65, null, -95, 12.5,
                new org.wwan4j.agent.status.Nr5gSignal(-88, null, 18.5)), MbimSignals.of(24, List.of(nr, lte), null));
        assertEquals(new org.wwan4j.agent.status.Signal(-65, null, -88, 18.5,
                new org.wwan4j.agent.status.Nr5gSignal(-88, null, 18.5)), MbimSignals.of(24, List.of(nr), null),
                "on 5G SA the NR leg is also the serving one");
        assertEquals(Set.of(DataClass.LTE, DataClass._5G_NSA, DataClass._5G_SA),
                MbimPreferences.dataClasses(List.of(Rat.NR5G, Rat.LTE)));
    }

    @Test
    void theActiveCardsReadyStateDecidesLockedAbsentAndEsimWithoutProfile() {
        EnumValue<UiccSlotState> active = UiccSlotState.fromValue(UiccSlotState.STATE_ACTIVE.value());
        assertEquals(new Sim(1, true, SimState.LOCKED, "8949", null, SimType.PHYSICAL), MbimSims.of(List.of(active), 0,
                subscriber(SubscriberReadyState.DEVICE_LOCKED, "8949")).getFirst());
        assertEquals(new Sim(1, true, SimState.ABSENT, null, null, SimType.PHYSICAL), MbimSims.of(List.of(active), 0,
                subscriber(SubscriberReadyState.SIM_NOT_INSERTED, "")).getFirst());
        EnumValue<UiccSlotState> noProfile = UiccSlotState.fromValue(
                UiccSlotState.STATE_ACTIVE_ESIM_NO_PROFILES.value());
        assertEquals(new Sim(1, true, SimState.ABSENT, null, null, SimType.ESIM), MbimSims.of(List.of(noProfile), 0,
                subscriber(SubscriberReadyState.NO_ESIM_PROFILE, "")).getFirst());
        assertEquals(new Sim(1, true, SimState.ERROR, null, null, SimType.UNKNOWN),
                MbimSims.singleSlot(subscriber(SubscriberReadyState.BAD_SIM, "")).getFirst());
    }

    @Test
    void papOrChapIsSentAsChap() {
        assertEquals(AuthProtocol.CHAP, MbimBearers.authProtocol(Auth.PAP_AND_CHAP));
        assertEquals(AuthProtocol.PAP, MbimBearers.authProtocol(Auth.PAP));
        assertEquals(AuthProtocol.NONE, MbimBearers.authProtocol(Auth.NONE));
    }

    @Test
    void ipv6AddressesAreWrittenTheShortWay() throws Exception {
        assertEquals("2001:db8:64::1234", MbimBearers.text(InetAddress.getByName("2001:0db8:0064:0:0:0:0:1234")));
        assertEquals("2001:db8:0:1::1", MbimBearers.text(InetAddress.getByName("2001:db8:0:1:0:0:0:1")));
        assertEquals("::1", MbimBearers.text(InetAddress.getByName("::1")));
        assertEquals("10.64.12.34", MbimBearers.text(InetAddress.getByName("10.64.12.34")));
    }

    @Test
    void withoutAnyHomeBitRoamingIsUnknown() {
        long visible = ProviderState.VISIBLE.value();
        List<Provider> providers = MbimProviders.of(List.of(new org.wwan4j.mbim.Provider("26201", visible, "A", 1,
                99, 99)));
        assertEquals(List.of(new Provider("262", "01", "A", ProviderStatus.AVAILABLE, null)), providers);
    }

    @Test
    void simStatusErrorsAreSimAndMissingSupportIsUnsupported() {
        assertEquals(Kind.SIM, MbimErrors.kindOf(StatusError.PIN_REQUIRED));
        assertEquals(Kind.SIM, MbimErrors.kindOf(StatusError.SIM_NOT_INSERTED));
        assertEquals(Kind.UNSUPPORTED, MbimErrors.kindOf(StatusError.NO_DEVICE_SUPPORT));
        assertEquals(Kind.REJECTED, MbimErrors.kindOf(StatusError.INVALID_ACCESS_STRING));
        assertEquals(Kind.REJECTED, MbimErrors.kindOf(null));
    }

    private static MbimSims.Subscriber subscriber(SubscriberReadyState state, String iccid) {
        return new MbimSims.Subscriber(SubscriberReadyState.fromValue(state.value()), "", iccid);
    }
}
