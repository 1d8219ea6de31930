package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;

/** NAS requests and indications; expected values come from the emulator's state. */
@Timeout(120)
class QmiNasApiTest extends EmulatorFixture {

    @Test
    void servingSystemShowsTheHomeNetwork() {
        ClientNas nas = Await.result(device.nas());
        EmulatedRegistration home = modem.state().registration();
        ClientNas.GetServingSystemOutput out = Await.result(nas.getServingSystem());
        assertEquals(NasRegistrationState.REGISTERED, out.servingSystem().registrationState().constant());
        assertEquals(NasAttachState.ATTACHED, out.servingSystem().psAttachState().constant());
        assertEquals(Integer.parseInt(home.mcc()), out.currentPlmn().mcc());
        assertEquals(Integer.parseInt(home.mnc()), out.currentPlmn().mnc());
        assertEquals(home.operatorName(), out.currentPlmn().description());
        assertEquals(home.lac(), out.lac3gpp());
        assertEquals(home.cellId(), out.cid3gpp());
    }

    @Test
    void signalInfoFollowsTheState() {
        ClientNas nas = Await.result(device.nas());
        modem.state().setSignal(new EmulatedSignal(-71, -11, -101, 7.5));
        ClientNas.GetSignalInfoOutput.LteSignalStrengthTlv lte = Await.result(nas.getSignalInfo()).lteSignalStrength();
        assertEquals(-71, lte.rssi());
        assertEquals(-11, lte.rsrq());
        assertEquals(-101, lte.rsrp());
        assertEquals(75, lte.snr()); // tenths of a dB
    }

    @Test
    void networkScanListsTheVisibleProviders() {
        ClientNas nas = Await.result(device.nas());
        List<EmulatedProvider> providers = modem.state().providers();
        List<ClientNas.NetworkScanNetworkInformationElement> found = Await.result(nas.networkScan()).networkInformation();
        assertEquals(providers.size(), found.size());
        for (int i = 0; i < providers.size(); i++) {
            assertEquals(Integer.parseInt(providers.get(i).mcc()), found.get(i).mcc());
            assertEquals(Integer.parseInt(providers.get(i).mnc()), found.get(i).mnc());
            assertEquals(providers.get(i).name(), found.get(i).description());
        }
    }

    @Test
    void systemSelectionPreferenceIsReadAndWritten() {
        ClientNas nas = Await.result(device.nas());
        Set<NasRatModePreference> initial = Await.result(nas.getSystemSelectionPreference()).modePreference().members();
        assertTrue(initial.containsAll(EnumSet.of(NasRatModePreference.GSM, NasRatModePreference.UMTS,
                NasRatModePreference.LTE)), initial::toString);
        Await.result(nas.setSystemSelectionPreference(new ClientNas.SetSystemSelectionPreferenceInput()
                .modePreference(EnumSet.of(NasRatModePreference.LTE))
                .changeDuration(NasChangeDuration.PERMANENT)));
        assertEquals(Set.of(EmulatedRat.LTE), modem.state().ratPreference());
        assertEquals(Set.of(NasRatModePreference.LTE),
                Await.result(nas.getSystemSelectionPreference()).modePreference().members());
    }

    @Test
    void registeredIndicationsReportServingSystemAndSignalChanges() throws InterruptedException {
        ClientNas nas = Await.result(device.nas());
        LinkedBlockingQueue<ClientNas.ServingSystemIndication> serving = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<ClientNas.SignalInfoIndication> signal = new LinkedBlockingQueue<>();
        try (QmiSubscription a = nas.onServingSystem(serving::add); QmiSubscription b = nas.onSignalInfo(signal::add)) {
            Await.result(nas.registerIndications(new ClientNas.RegisterIndicationsInput()
                    .servingSystemEvents(true).signalInfo(true)));
            modem.state().setNetworkRegistration(new EmulatedRegistration(EmulatedRegistrationState.ROAMING, "208",
                    "01", "Emu Roam",
                    Set.of(EmulatedRat.LTE), 1, 2, 3));
            ClientNas.ServingSystemIndication roaming = serving.poll(30, TimeUnit.SECONDS);
            assertEquals(208, roaming.currentPlmn().mcc());
            assertEquals(1, roaming.currentPlmn().mnc());
            assertEquals("Emu Roam", roaming.currentPlmn().description());
            assertEquals(NasRoamingIndicatorStatus.ON, roaming.roamingIndicator().constant());

            modem.state().setSignal(new EmulatedSignal(-80, -12, -110, 3.0));
            ClientNas.SignalInfoIndication weaker = signal.poll(30, TimeUnit.SECONDS);
            assertEquals(-80, weaker.lteSignalStrength().rssi());
            assertEquals(-110, weaker.lteSignalStrength().rsrp());
            assertEquals(30, weaker.lteSignalStrength().snr());
        }
    }

    @Test
    void preferredNetworksListIsWrittenWithItsPcsDigits() {
        ClientNas nas = Await.result(device.nas());
        Await.result(nas.setPreferredNetworks(new ClientNas.SetPreferredNetworksInput()
                .clearPreviousPreferredNetworks(true)
                .preferredNetworks(List.of(
                        new ClientNas.SetPreferredNetworksInputPreferredNetworksElement(262, 7, org.wwan4j.glib.FlagSet.of(
                                NasPlmnAccessTechnologyIdentifier.class, Set.of(NasPlmnAccessTechnologyIdentifier.ALL))),
                        new ClientNas.SetPreferredNetworksInputPreferredNetworksElement(310, 10, org.wwan4j.glib.FlagSet.of(
                                NasPlmnAccessTechnologyIdentifier.class, Set.of(NasPlmnAccessTechnologyIdentifier.EUTRAN,
                                        NasPlmnAccessTechnologyIdentifier.UTRAN)))))
                .mncPcsDigitIncludeStatus(List.of(
                        new ClientNas.SetPreferredNetworksInputMncPcsDigitIncludeStatusElement(262, 7, false),
                        new ClientNas.SetPreferredNetworksInputMncPcsDigitIncludeStatusElement(310, 10, true)))));
        List<org.wwan4j.emulator.model.Plmn> stored = modem.state().preferredNetworks();
        assertEquals(List.of("26207", "310010"), stored.stream().map(p -> p.mcc() + p.mnc()).toList());
        assertEquals(Set.of(EmulatedRat.LTE, EmulatedRat.UMTS), stored.get(1).rats());
        List<ClientNas.GetPreferredNetworksPreferredNetworksElement> read =
                Await.result(nas.getPreferredNetworks()).preferredNetworks();
        assertEquals(2, read.size());
        assertEquals(310, read.get(1).mcc());
        assertEquals(10, read.get(1).mnc());
    }
}
