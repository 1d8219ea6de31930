package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;

/**
 * QMI carried over MBIM (the Qualcomm "qmi" service) as libqmi 1.32's MBIM endpoint uses it: qmicli with
 * {@code --device-open-mbim}, directly and through mbim-proxy beside mbimcli, answered by the QMI engine over the
 * MBIM modem's own state.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QmiOverMbimTest {

    // A fast clock so a position report comes soon after the session starts.
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM,
            EmulatorOptions.defaults().withQmiOverMbim(true).withTickInterval(Duration.ofMillis(200)));
    private final Qmicli overMbim = Qmicli.on(emulator::path, Qmicli.OPEN_MBIM);

    @Test
    void dmsAnswersFromTheSameModemState() {
        Qmicli.Result ids = overMbim.ok("--dms-get-ids");
        Qmicli.assertHas(ids, "IMEI: '" + emulator.state().identity().imei() + "'");
        assertEquals(1, emulator.modem().statistics().requestsSeen("DMS", DmsService.GET_IDS), ids::toString);
        assertTrue(emulator.modem().statistics().requestsSeen("mbim-qmi", 1) >= 3,
                "CTL allocate, DMS Get IDs and CTL release each went as one MBIM command");
    }

    @Test
    void locPositionReportsComeAsMbimIndications() {
        overMbim.ok("--loc-start", "--loc-session-id=3");
        assertTrue(emulator.state().locationActive());
        Qmicli.Result report = overMbim.ok("--loc-get-position-report");
        Qmicli.assertHas(report, "[position report] status: success", "latitude:", "longitude:");
        overMbim.ok("--loc-stop", "--loc-session-id=3");
        assertFalse(emulator.state().locationActive());
    }

    @Test
    void mbimProxySharesThePortBetweenQmiAndMbimClients() {
        Qmicli proxied = Qmicli.on(emulator::path, "-p", Qmicli.OPEN_MBIM);
        Qmicli.assertHas(proxied.ok("--dms-get-ids"), "IMEI: '" + emulator.state().identity().imei() + "'");
        Qmicli.Result nas = proxied.ok("--nas-get-signal-info");
        assertTrue(nas.stdout().contains("LTE"), nas::toString);
    }

    @Test
    void aModemWithoutTheOptionRefusesTheService() {
        // The default MBIM modem is not a Qualcomm one: the QMI service is an unknown one to it.
        try (EmulatedModem plain = EmulatedModem.start(EmulatedProtocol.MBIM)) {
            Qmicli.Result ids = Qmicli.on(plain::path, Qmicli.OPEN_MBIM).runFor(5, "--dms-get-ids");
            assertFalse(ids.ok(), ids::toString);
            assertTrue(ids.stderr().contains("MBIM error: NoDeviceSupport"), ids::toString);
        }
    }
}
