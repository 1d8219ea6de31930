package org.wwan4j.emulator.mbim.basicconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ConnectFailure;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedProviderStatus;
import org.wwan4j.emulator.model.EmulatedRat;

/** How neutral values become MBIM codes. */
class BasicConnectCodingTest {

    @Test
    void rssiIsCodedInTwoDecibelStepsAndClamped() {
        assertEquals(0, SignalCoding.rssi(-113));
        assertEquals(0, SignalCoding.rssi(-130));
        assertEquals(24, SignalCoding.rssi(-65));
        assertEquals(31, SignalCoding.rssi(-51));
        assertEquals(31, SignalCoding.rssi(-20));
    }

    @Test
    void rsrpAndSnrUseTheMbimEx2Codings() {
        assertEquals(62, SignalCoding.rsrp(-95));
        assertEquals(0, SignalCoding.rsrp(-200));
        assertEquals(126, SignalCoding.rsrp(0));
        assertEquals(72, SignalCoding.snr(12.5));
        assertEquals(0, SignalCoding.snr(-40));
        assertEquals(127, SignalCoding.snr(60));
    }

    @Test
    void dataClassesFollowTheRats() {
        assertEquals(DataClass.LTE, DataClass.of(Set.of(EmulatedRat.LTE)));
        assertEquals(DataClass.GPRS | DataClass.EDGE | DataClass.LTE, DataClass.of(Set.of(EmulatedRat.GSM,
                EmulatedRat.LTE)));
        assertEquals(DataClass.LTE, DataClass.highest(Set.of(EmulatedRat.GSM, EmulatedRat.UMTS, EmulatedRat.LTE)));
        assertEquals(0, DataClass.highest(Set.of()));
    }

    @Test
    void providerStateBitsHaveNoRoamingFlagButOnlyTheHomeNetworkIsHome() {
        assertEquals(ProviderStruct.STATE_VISIBLE | ProviderStruct.STATE_HOME | ProviderStruct.STATE_REGISTERED,
                VisibleProviders.stateBits(new EmulatedProvider("262", "07", "h", EmulatedProviderStatus.CURRENT,
                        false, Set.of())));
        assertEquals(ProviderStruct.STATE_VISIBLE,
                VisibleProviders.stateBits(new EmulatedProvider("208", "01", "r", EmulatedProviderStatus.AVAILABLE,
                        true, Set.of())));
        assertEquals(ProviderStruct.STATE_VISIBLE | ProviderStruct.STATE_FORBIDDEN,
                VisibleProviders.stateBits(new EmulatedProvider("262", "02", "f", EmulatedProviderStatus.FORBIDDEN,
                        false, Set.of())));
        assertEquals(ProviderStruct.STATE_VISIBLE,
                VisibleProviders.stateBits(new EmulatedProvider("262", "007", "3-digit",
                        EmulatedProviderStatus.AVAILABLE, false,
                        Set.of())), "MNC 007 is not MNC 07");
    }

    @Test
    void refusedConnectionsMapToMbimStatuses() {
        assertEquals(MbimStatus.INVALID_USER_NAME_PWD, Connect.status(ConnectFailure.AUTH_FAILED));
        assertEquals(MbimStatus.INVALID_ACCESS_STRING, Connect.status(ConnectFailure.UNKNOWN_APN));
        assertEquals(MbimStatus.RADIO_POWER_OFF, Connect.status(ConnectFailure.RADIO_OFF));
        assertEquals(MbimStatus.SIM_NOT_INSERTED, Connect.status(ConnectFailure.NO_SIM));
        assertEquals(MbimStatus.NOT_REGISTERED, Connect.status(ConnectFailure.NOT_REGISTERED));
        assertEquals(MbimStatus.MAX_ACTIVATED_CONTEXTS, Connect.status(ConnectFailure.ALREADY_CONNECTED));
    }
}
