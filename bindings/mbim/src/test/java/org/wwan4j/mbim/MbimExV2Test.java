package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wwan4j.mbim.EmulatedMbim.await;

import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.model.EmulatedSignal;

/** MBIMEx 2.0: negotiated at open; the V2 methods reuse the v1 request and parse the v2 answer (RSRP and SNR). */
class MbimExV2Test {

    @Test
    void signalStateV2CarriesRsrpAndSnr() {
        try (EmulatedMbim mbim = EmulatedMbim.start(MbimDeviceOptions.defaults().withMbimEx(2))) {
            EmulatedSignal signal = mbim.modem.state().signal();
            BasicConnect.SignalStateV2Response state = await(mbim.basic.querySignalStateV2());
            assertEquals((signal.rssi() + 113) / 2, state.rssi());
            assertFalse(state.rsrpSnr().isEmpty(), state.toString());
            RsrpSnrInfo lte = state.rsrpSnr().getFirst();
            assertEquals(signal.rsrp() + 157, lte.rsrp());
            assertEquals(Math.round((signal.snr() + 23.5) * 2), lte.snr());

            BasicConnect.RegisterStateV2Response registration = await(mbim.basic.queryRegisterStateV2());
            assertEquals(RegisterState.HOME, registration.registerState().constant());
            assertEquals("26207", registration.providerId());
        }
    }
}
