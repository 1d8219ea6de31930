package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.model.EmulatedAttachContext;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedIpType;
import org.wwan4j.emulator.model.EmulatedNrSignal;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.Plmn;

/**
 * A 5G NSA network, the LTE attach configuration and the preferred providers as mbimcli 1.28 reads them: libmbim
 * as an independent peer parses what the emulator writes. (mbimcli has no setters for these; the agent's tests set
 * them through libmbim.)
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliNsaAndAttachTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM,
            EmulatorOptions.defaults().withNr5gNsa(true));
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void nsaRegistersOnLteAnd5gNsaAndReportsBothSignals() throws Exception {
        emulator.state().setNrSignal(new EmulatedNrSignal(-84, -10, 20.0));
        Mbimcli.Result registration = mbimcli.ok("--device-open-ms-mbimex-v2", "--query-registration-state");
        assertEquals("lte, 5g-nsa", registration.field("Available data classes"));
        Mbimcli.Result signal = mbimcli.ok("--device-open-ms-mbimex-v2", "--query-signal-state");
        var lte = emulator.state().signal();
        assertEquals(List.of(lte.rsrp() + " dBm", "-84 dBm"), signal.fields("RSRP"));
        assertEquals(List.of(lte.snr() + " dB", "20.0 dB"), signal.fields("SNR"));
    }

    @Test
    void withoutCoverageNeitherLegIsReported() throws Exception {
        emulator.state().setCoverage(false);
        Mbimcli.Result signal = mbimcli.ok("--device-open-ms-mbimex-v2", "--query-signal-state");
        assertEquals(List.of(), signal.fields("RSRP"));
    }

    @Test
    void lteAttachConfigurationListsHomePartnerAndNonPartner() throws Exception {
        emulator.state().setAttachContexts(List.of(
                new EmulatedAttachContext(EmulatedAttachContext.Roaming.HOME, "ims", EmulatedIpType.IPV4,
                        EmulatedAuth.CHAP, "corp", "s3cret"),
                EmulatedAttachContext.factory(EmulatedAttachContext.Roaming.PARTNER),
                EmulatedAttachContext.factory(EmulatedAttachContext.Roaming.NON_PARTNER)));
        Mbimcli.Result configuration = mbimcli.ok("--ms-query-lte-attach-configuration");
        assertEquals(List.of("ims", "n/a", "n/a"), configuration.lines("Access string"));
        assertEquals(List.of("home", "partner", "non-partner"), configuration.lines("Roaming"));
        assertEquals(List.of("user", "modem", "modem"), configuration.lines("Source"));
        assertEquals(List.of("chap", "none", "none"), configuration.lines("Auth protocol"));
    }

    @Test
    void lteAttachInfoShowsTheApnAttachedWithAndNeverThePassword() throws Exception {
        Mbimcli.Result networkChosen = mbimcli.ok("--ms-query-lte-attach-info");
        assertEquals(List.of(ModemDefaults.accessPoints().getFirst().apn()), networkChosen.lines("Access string"));
        emulator.state().setAttachContexts(List.of(new EmulatedAttachContext(EmulatedAttachContext.Roaming.HOME,
                "private.corp", EmulatedIpType.IPV4V6, EmulatedAuth.CHAP, "corp", "s3cret")));
        Mbimcli.Result configured = mbimcli.ok("--ms-query-lte-attach-info");
        assertEquals(List.of("attached"), configured.lines("Attach state"));
        assertEquals(List.of("private.corp"), configured.lines("Access string"));
        assertEquals(List.of("n/a"), configured.lines("Password"));
        emulator.state().setCoverage(false);
        assertEquals(List.of("detached"), mbimcli.ok("--ms-query-lte-attach-info").lines("Attach state"));
    }

    @Test
    void preferredProvidersShowTheModelsList() throws Exception {
        emulator.state().setPreferredNetworks(List.of(new Plmn("262", "07", Set.of()), new Plmn("310", "410",
                Set.of())));
        assertEquals(List.of("26207", "310410"), mbimcli.ok("--query-preferred-providers").fields("Provider ID"));
    }
}
