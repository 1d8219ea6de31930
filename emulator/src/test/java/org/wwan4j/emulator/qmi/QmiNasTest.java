package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wwan4j.emulator.qmi.Qmicli.assertHas;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.Plmn;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;

/** NAS as qmicli 1.32 sees it; every expected value comes from the state model. */
@Timeout(60)
class QmiNasTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void servingSystemAndSystemInfoShowTheHomeNetworkWithTheLeadingZeroOfTheMnc() {
        EmulatedRegistration home = emulator.state().registration();
        assertHas(qmicli.ok("--nas-get-serving-system"), "Registration state: 'registered'", "PS: 'attached'",
                "MCC: '" + home.mcc() + "'", "MNC: '7'", "Description: '" + home.operatorName() + "'",
                "Roaming status: 'off'", "MNC with PCS digit: 'no'",
                "3GPP location area code: '" + home.lac() + "'", "3GPP cell ID: '" + home.cellId() + "'",
                "LTE tracking area code: '" + home.tac() + "'");
        assertHas(qmicli.ok("--nas-get-system-info"), "Status: 'available'", "MCC: '262'", "MNC: '07'",
                "Roaming status: 'off'", "Tracking Area Code: '" + home.tac() + "'");
    }

    @Test
    void roamingDeniedAndSearchingAreReported() {
        emulator.state().setNetworkRegistration(new EmulatedRegistration(EmulatedRegistrationState.ROAMING, "208",
                "01", "Emu Roam",
                Set.of(EmulatedRat.LTE), 1, 2, 3));
        assertHas(qmicli.ok("--nas-get-serving-system"), "Registration state: 'registered'", "Roaming status: 'on'",
                "Description: 'Emu Roam'");
        assertHas(qmicli.ok("--nas-get-system-info"), "Roaming status: 'on'", "MNC: '01'");
        emulator.state().setNetworkRegistration(EmulatedRegistration.none(EmulatedRegistrationState.DENIED));
        assertHas(qmicli.ok("--nas-get-serving-system"), "Registration state: 'registration-denied'");
        emulator.state().setNetworkRegistration(EmulatedRegistration.none(EmulatedRegistrationState.SEARCHING));
        assertHas(qmicli.ok("--nas-get-serving-system"), "Registration state: 'not-registered-searching'");
    }

    @Test
    void signalInfoAndStrengthFollowTheState() {
        emulator.state().setSignal(new EmulatedSignal(-71, -11, -101, 7.5));
        assertHas(qmicli.ok("--nas-get-signal-info"), "RSSI: '-71 dBm'", "RSRQ: '-11 dB'", "RSRP: '-101 dBm'",
                "SNR: '7.5 dB'");
        assertHas(qmicli.ok("--nas-get-signal-strength"), "Network 'lte': '-71 dBm'", "Network 'lte': '-11 dB'",
                "Network 'lte': '7.5 dB'", "Network 'lte': '-101 dBm'");
    }

    @Test
    void networkScanListsHomeRoamingAndForbiddenProviders() {
        Qmicli.Result scan = qmicli.ok("--nas-network-scan");
        assertHas(scan, "Status: 'current-serving, home, not-forbidden'", "Description: 'Emu Home'",
                "Status: 'available, roaming, not-forbidden'", "Description: 'Emu Roam'",
                "Status: 'available, home, forbidden'", "Description: 'Emu Forbidden'", "Network scan result: success");
    }

    @Test
    void systemSelectionPreferenceIsSetAndReadBack() {
        assertHas(qmicli.ok("--nas-get-system-selection-preference"), "Mode preference: 'gsm, umts, lte'");
        qmicli.ok("--nas-set-system-selection-preference=lte");
        assertEquals(Set.of(EmulatedRat.LTE), emulator.state().ratPreference());
        assertHas(qmicli.ok("--nas-get-system-selection-preference"), "Mode preference: 'lte'");
    }

    @Test
    void preferredNetworksKeepThreeDigitMncsApartFromTwoDigitOnes() {
        assertHas(qmicli.ok("--nas-get-preferred-networks"), "MCC: '262'", "MNC: '7'",
                "Access Technology: 'eutran'");
        qmicli.ok("--nas-set-preferred-networks=20801,eutran,310007,gsm");
        assertEquals(List.of(new Plmn("208", "01", Set.of(EmulatedRat.LTE)), new Plmn("310", "007",
                Set.of(EmulatedRat.GSM))),
                emulator.state().preferredNetworks());
        assertHas(qmicli.ok("--nas-get-preferred-networks"), "MCC with PCS digit: 'yes'");
    }
}
