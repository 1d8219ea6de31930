package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * MBIMEx 2.0 as libmbim negotiates it (--device-open-ms-mbimex-v2/v3: Device Services, then the Version CID):
 * the v2 layouts carry RSRP/SNR, preferred data classes and the frequency range; without it, MBIM 1.0 layouts.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliExtensionsV2Test {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void versionExchangeSettlesOnMbimEx2() throws Exception {
        Mbimcli.Result version = mbimcli.ok("--ms-query-version=1.0,3.0");
        assertTrue(version.stdout().contains("MBIM extended version : 2.00"), version.all());
    }

    @Test
    void signalStateCarriesRsrpAndSnrUnderMbimEx2() throws Exception {
        emulator.state().setSignal(new EmulatedSignal(-70, -11, -101, 7.5));
        Mbimcli.Result signal = mbimcli.ok("--device-open-ms-mbimex-v2", "--query-signal-state");
        assertEquals("21", signal.field("RSSI [0-31,99]"));
        assertEquals("lte", signal.field("RSRP/SNR info"));
        assertEquals("-101 dBm", signal.field("RSRP"));
        assertEquals("7.5 dB", signal.field("SNR"));

        emulator.state().setCoverage(false);
        assertEquals("n/a", mbimcli.ok("--device-open-ms-mbimex-v2", "--query-signal-state").field("RSRP/SNR info"));
    }

    @Test
    void aHostAskingForMbimEx3GetsTheV2Layouts() throws Exception {
        Mbimcli.Result registration = mbimcli.ok("--device-open-ms-mbimex-v3", "--query-registration-state");
        assertEquals("home", registration.field("Register state"));
        assertEquals("gprs, edge, umts, hsdpa, hsupa, lte", registration.field("Preferred data classes"));
        Mbimcli.Result service = mbimcli.ok("--device-open-ms-mbimex-v3", "--query-packet-service-state");
        assertEquals("attached", service.field("Packet service state"));
        assertEquals("unknown", service.field("Frequency range"));
    }

    @Test
    void withoutNegotiationTheLayoutsStayMbim10() throws Exception {
        mbimcli.ok("--device-open-ms-mbimex-v2", "--query-signal-state");
        Mbimcli.Result plain = mbimcli.ok("--query-signal-state"); // a new OPEN starts at MBIMEx 1.0 again
        assertEquals("24", plain.field("RSSI [0-31,99]"));
        assertFalse(plain.stdout().contains("RSRP"), plain.all());
    }

    @Test
    void v2IndicationsAreParsedByLibmbim() throws Exception {
        Mbimcli.Result verbose = mbimcli.ok("-v", "--device-open-ms-mbimex-v2", "--set-radio-state=off");
        assertTrue(verbose.all().contains("RsrpSnr = '{"), verbose.all());
        assertTrue(verbose.all().contains("PreferredDataClasses = "), verbose.all());
    }
}
