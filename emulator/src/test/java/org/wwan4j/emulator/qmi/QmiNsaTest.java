package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wwan4j.emulator.qmi.Qmicli.assertHas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.model.EmulatedNrSignal;
import org.wwan4j.emulator.model.EmulatedSignal;

/** A 5G NSA network (LTE anchor, NR5G leg) as qmicli 1.32 sees it: both signals, EN-DC, both radio interfaces. */
@Timeout(60)
class QmiNsaTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI,
            EmulatorOptions.defaults().withNr5gNsa(true));
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void signalInfoCarriesTheNrLegBesideLte() {
        emulator.state().setSignal(new EmulatedSignal(-71, -11, -101, 7.5));
        emulator.state().setNrSignal(new EmulatedNrSignal(-84, -10, 20.5));
        assertHas(qmicli.ok("--nas-get-signal-info"), "LTE:", "RSRP: '-101 dBm'", "SNR: '7.5 dB'", "5G:",
                "RSRP: '-84 dBm'", "SNR: '20.5 dB'", "RSRQ: '-10 dB'");
    }

    @Test
    void systemInfoSaysTheLteCellOffersNrAndServingSystemListsBothInterfaces() {
        assertHas(qmicli.ok("--nas-get-system-info"), "Status: 'available'", "5G NSA Available: 'yes'");
        assertHas(qmicli.ok("--nas-get-serving-system"), "[0]: 'lte'", "[1]: '5gnr'");
    }

    @Test
    void withoutCoverageThereIsNoNrLeg() {
        emulator.state().setCoverage(false);
        Qmicli.Result info = qmicli.ok("--nas-get-signal-info");
        assertFalse(info.stdout().contains("5G:"), info.toString());
    }
}
