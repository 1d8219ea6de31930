package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedSignal;

/** MS Base Stations Info: the serving LTE cell, the MBIM source of RSRQ, read back by mbimcli 1.28. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliBaseStationsInfoTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void theServingLteCellCarriesRegistrationAndSignal() throws Exception {
        emulator.state().setSignal(new EmulatedSignal(-66, -13, -104, 3));
        EmulatedRegistration registration = emulator.state().registration();
        String out = mbimcli.ok("--ms-query-base-stations-info").stdout();
        assertTrue(out.contains("System type: lte"), out);
        assertTrue(out.contains("Provider id: 26207"), out);
        assertTrue(out.contains("Cell id: " + registration.cellId()), out);
        assertTrue(out.contains("TAC: " + registration.tac()), out);
        assertTrue(out.contains("RSRP: -104 dBm"), out);
        assertTrue(out.contains("RSRQ: -13 dB"), out); // mbimcli 1.28 labels RSRQ "dBm"
        assertTrue(out.contains("GSM serving cell: n/a"), out);
    }

    @Test
    void withoutCoverageThereIsNoServingCell() throws Exception {
        emulator.state().setCoverage(false);
        String out = mbimcli.ok("--ms-query-base-stations-info").stdout();
        assertTrue(out.contains("LTE Serving cell: n/a") || out.contains("LTE serving cell: n/a"), out);
    }
}
