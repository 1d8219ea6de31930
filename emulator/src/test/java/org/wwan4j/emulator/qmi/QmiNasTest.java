package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.Protocol;
import org.wwan4j.emulator.model.Plmn;
import org.wwan4j.emulator.model.Rat;
import org.wwan4j.emulator.model.Registration;
import org.wwan4j.emulator.model.RegistrationState;
import org.wwan4j.emulator.model.Signal;

/** NAS as qmicli 1.32 sees it; every expected value comes from the state model. */
@Timeout(60)
class QmiNasTest {

    private EmulatedModem modem;

    @BeforeEach
    void start() {
        modem = EmulatedModem.start(Protocol.QMI);
    }

    @AfterEach
    void stop() {
        modem.close();
    }

    private Qmicli.Result qmicli(String... args) {
        Qmicli.Result result = Qmicli.run(modem.path(), args);
        assertTrue(result.ok(), result::toString);
        return result;
    }

    private static void assertHas(Qmicli.Result result, String... lines) {
        for (String line : lines) {
            assertTrue(result.stdout().contains(line), () -> "missing '" + line + "' in\n" + result);
        }
    }

    @Test
    void servingSystemAndSystemInfoShowTheHomeNetworkWithTheLeadingZeroOfTheMnc() {
        Registration home = modem.state().registration();
        assertHas(qmicli("--nas-get-serving-system"), "Registration state: 'registered'", "PS: 'attached'",
                "MCC: '" + home.mcc() + "'", "MNC: '7'", "Description: '" + home.operatorName() + "'",
                "Roaming status: 'off'", "MNC with PCS digit: 'no'",
                "3GPP location area code: '" + home.lac() + "'", "3GPP cell ID: '" + home.cellId() + "'",
                "LTE tracking area code: '" + home.tac() + "'");
        assertHas(qmicli("--nas-get-system-info"), "Status: 'available'", "MCC: '262'", "MNC: '07'",
                "Roaming status: 'off'", "Tracking Area Code: '" + home.tac() + "'");
    }

    @Test
    void roamingDeniedAndSearchingAreReported() {
        modem.state().setNetworkRegistration(new Registration(RegistrationState.ROAMING, "208", "01", "Emu Roam",
                Set.of(Rat.LTE), 1, 2, 3));
        assertHas(qmicli("--nas-get-serving-system"), "Registration state: 'registered'", "Roaming status: 'on'",
                "Description: 'Emu Roam'");
        assertHas(qmicli("--nas-get-system-info"), "Roaming status: 'on'", "MNC: '01'");
        modem.state().setNetworkRegistration(Registration.none(RegistrationState.DENIED));
        assertHas(qmicli("--nas-get-serving-system"), "Registration state: 'registration-denied'");
        modem.state().setNetworkRegistration(Registration.none(RegistrationState.SEARCHING));
        assertHas(qmicli("--nas-get-serving-system"), "Registration state: 'not-registered-searching'");
    }

    @Test
    void signalInfoAndStrengthFollowTheState() {
        modem.state().setSignal(new Signal(-71, -11, -101, 7.5));
        assertHas(qmicli("--nas-get-signal-info"), "RSSI: '-71 dBm'", "RSRQ: '-11 dB'", "RSRP: '-101 dBm'",
                "SNR: '7.5 dB'");
        assertHas(qmicli("--nas-get-signal-strength"), "Network 'lte': '-71 dBm'", "Network 'lte': '-11 dB'",
                "Network 'lte': '7.5 dB'", "Network 'lte': '-101 dBm'");
    }

    @Test
    void networkScanListsHomeRoamingAndForbiddenProviders() {
        Qmicli.Result scan = qmicli("--nas-network-scan");
        assertHas(scan, "Status: 'current-serving, home, not-forbidden'", "Description: 'Emu Home'",
                "Status: 'available, roaming, not-forbidden'", "Description: 'Emu Roam'",
                "Status: 'available, home, forbidden'", "Description: 'Emu Forbidden'", "Network scan result: success");
    }

    @Test
    void systemSelectionPreferenceIsSetAndReadBack() {
        assertHas(qmicli("--nas-get-system-selection-preference"), "Mode preference: 'gsm, umts, lte'");
        qmicli("--nas-set-system-selection-preference=lte");
        assertEquals(Set.of(Rat.LTE), modem.state().ratPreference());
        assertHas(qmicli("--nas-get-system-selection-preference"), "Mode preference: 'lte'");
    }

    @Test
    void preferredNetworksKeepThreeDigitMncsApartFromTwoDigitOnes() {
        assertHas(qmicli("--nas-get-preferred-networks"), "MCC: '262'", "MNC: '7'", "Access Technology: 'eutran'");
        qmicli("--nas-set-preferred-networks=20801,eutran,310007,gsm");
        assertEquals(List.of(new Plmn("208", "01", Set.of(Rat.LTE)), new Plmn("310", "007", Set.of(Rat.GSM))),
                modem.state().preferredNetworks());
        assertHas(qmicli("--nas-get-preferred-networks"), "MCC with PCS digit: 'yes'");
    }
}
