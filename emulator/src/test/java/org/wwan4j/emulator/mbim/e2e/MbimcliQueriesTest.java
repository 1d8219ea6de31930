package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;
import org.wwan4j.emulator.model.SimSlot;

/** Each Basic Connect query, answered from the state model and read back by mbimcli 1.28. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliQueriesTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void deviceCapsComeFromTheIdentity() throws Exception {
        EmulatedIdentity identity = emulator.state().identity();
        Mbimcli.Result caps = mbimcli.ok("--query-device-caps");
        assertEquals("embedded", caps.field("Device type"));
        assertEquals("gsm", caps.field("Cellular class"));
        assertEquals("gprs, edge, umts, hsdpa, hsupa, lte", caps.field("Data class"));
        assertEquals("1", caps.field("Max sessions"));
        assertEquals("esim", caps.field("Ctrl caps"));
        assertEquals(identity.imei(), caps.field("Device ID"));
        assertEquals(identity.revision(), caps.field("Firmware info"));
        assertEquals(identity.hardwareRevision(), caps.field("Hardware info"));
    }

    @Test
    void subscriberReadyStatusShowsTheActiveCardAndItsRemoval() throws Exception {
        SimSlot active = emulator.state().activeCard().orElseThrow();
        Mbimcli.Result ready = mbimcli.ok("--query-subscriber-ready-status");
        assertEquals("initialized", ready.field("Ready state"));
        assertEquals(active.imsi(), ready.field("Subscriber ID"));
        assertEquals(active.iccid(), ready.field("SIM ICCID"));

        emulator.state().setActiveCardPresent(false);
        assertEquals("sim-not-inserted", mbimcli.ok("--query-subscriber-ready-status").field("Ready state"));
    }

    @Test
    void radioStateFollowsPowerAndSetsIt() throws Exception {
        Mbimcli.Result on = mbimcli.ok("--query-radio-state");
        assertEquals("on", on.field("Hardware radio state"));
        assertEquals("on", on.field("Software radio state"));

        assertEquals("off", mbimcli.ok("--set-radio-state=off").field("Software radio state"));
        assertEquals(org.wwan4j.emulator.model.PowerState.LOW_POWER, emulator.state().power());
        assertEquals("off", mbimcli.ok("--query-radio-state").field("Software radio state"));
        assertEquals("deregistered", mbimcli.ok("--query-registration-state").field("Register state"));

        assertEquals("on", mbimcli.ok("--set-radio-state=on").field("Software radio state"));
        assertEquals(org.wwan4j.emulator.model.PowerState.ONLINE, emulator.state().power());
        assertEquals("home", mbimcli.ok("--query-registration-state").field("Register state"));
        assertEquals(4, emulator.modem().statistics().requestsSeen("mbim-basic-connect", 3),
                "radio state: 2 queries, 2 sets");
    }

    @Test
    void pinStateIsPin1Unlocked() throws Exception {
        Mbimcli.Result pin = mbimcli.ok("--query-pin-state");
        assertEquals("unlocked", pin.field("PIN state"));
        assertEquals("pin1", pin.field("PIN type"));
        assertEquals("3", pin.field("Remaining attempts"));
    }

    @Test
    void homeProviderKeepsTheLeadingZeroOfTheMnc() throws Exception {
        Mbimcli.Result home = mbimcli.ok("--query-home-provider");
        assertEquals("26207", home.field("Provider ID"));
        assertEquals("Emu Home", home.field("Provider name"));
        assertEquals("home", home.field("State"));
    }

    @Test
    void registrationStatesHomeRoamingSearchingDenied() throws Exception {
        EmulatedRegistration home = emulator.state().registration();
        Mbimcli.Result registered = mbimcli.ok("--query-registration-state");
        assertEquals("home", registered.field("Register state"));
        assertEquals(home.mcc() + home.mnc(), registered.field("Provider ID"));
        assertEquals("26207", registered.field("Provider ID"), "a 2-digit MNC keeps its leading zero");
        assertEquals(home.operatorName(), registered.field("Provider name"));
        assertEquals("lte", registered.field("Available data classes"));

        emulator.state().setNetworkRegistration(new EmulatedRegistration(EmulatedRegistrationState.ROAMING, "208",
                "07", "Emu Roam",
                Set.of(EmulatedRat.LTE, EmulatedRat.UMTS), 1, 2, 3));
        Mbimcli.Result roaming = mbimcli.ok("--query-registration-state");
        assertEquals("roaming", roaming.field("Register state"));
        assertEquals("20807", roaming.field("Provider ID"));
        assertEquals("Emu Roam", roaming.field("Roaming text"));

        emulator.state().setNetworkRegistration(home.withState(EmulatedRegistrationState.DENIED));
        Mbimcli.Result denied = mbimcli.ok("--query-registration-state");
        assertEquals("denied", denied.field("Register state"));
        assertEquals("plmn-not-allowed", denied.field("Network error"));

        emulator.state().setNetworkRegistration(home);
        emulator.state().setCoverage(false);
        assertEquals("searching", mbimcli.ok("--query-registration-state").field("Register state"));
    }

    @Test
    void automaticRegistrationReportsTheRegistration() throws Exception {
        Mbimcli.Result registered = mbimcli.ok("--register-automatic");
        assertEquals("home", registered.field("Register state"));
        assertEquals("26207", registered.field("Provider ID"));
    }

    @Test
    void visibleProvidersIncludeTheForbiddenOneAndMarkOnlyHomeAsHome() throws Exception {
        Mbimcli.Result scan = mbimcli.ok("--query-visible-providers");
        assertEquals(List.of("26207", "26201", "20801", "26202"), scan.fields("Provider ID"));
        assertEquals(List.of("Emu Home", "Emu Other", "Emu Roam", "Emu Forbidden"), scan.fields("Provider name"));
        assertEquals(List.of("home, visible, registered", "visible", "visible", "forbidden, visible"),
                scan.fields("State"));
    }

    @Test
    void signalRssiIsCodedTheMbimWay() throws Exception {
        emulator.state().setSignal(new EmulatedSignal(-65, -9, -95, 12.5));
        assertEquals("24", mbimcli.ok("--query-signal-state").field("RSSI [0-31,99]"), "(-65 + 113) / 2");
        emulator.state().setSignal(new EmulatedSignal(-51, -5, -80, 20));
        assertEquals("31", mbimcli.ok("--query-signal-state").field("RSSI [0-31,99]"));
        emulator.state().setCoverage(false);
        assertEquals("99", mbimcli.ok("--query-signal-state").field("RSSI [0-31,99]"), "no signal is 99, unknown");
    }

    @Test
    void packetServiceIsAttachedWhileRegistered() throws Exception {
        Mbimcli.Result service = mbimcli.ok("--query-packet-service-state");
        assertEquals("attached", service.field("Packet service state"));
        assertEquals(emulator.state().identity().maxTxKbps() * 1000 + " bps", service.field("Uplink speed"));
        assertEquals(emulator.state().identity().maxRxKbps() * 1000 + " bps", service.field("Downlink speed"));
        emulator.state().setCoverage(false);
        assertEquals("detached", mbimcli.ok("--query-packet-service-state").field("Packet service state"));
    }

    @Test
    void deviceServicesListExactlyWhatIsServed() throws Exception {
        Mbimcli.Result services = mbimcli.ok("--query-device-services");
        assertEquals(List.of("basic-connect", "quectel", "ms-basic-connect-extensions"), services.fields("Service"));
        for (String cid : List.of("device-caps (1)", "connect (12)", "device-services (16)", "packet-statistics (20)",
                "sys-caps (5)", "device-slot-mappings (7)", "slot-info-status (8)", "provisioned-contexts (13)")) {
            assertTrue(services.stdout().contains(cid), cid + " missing in\n" + services.stdout());
        }
        assertTrue(!services.stdout().contains("pin-list"), "not served, so not listed");
    }

    @Test
    void provisionedContextsListTheStoredProfilesBothWays() throws Exception {
        Mbimcli.Result basic = mbimcli.ok("--query-provisioned-contexts");
        assertTrue(basic.stdout().contains("internet") && basic.stdout().contains("ims"), basic.all());
        Mbimcli.Result v2 = mbimcli.ok("--ms-query-provisioned-contexts");
        assertTrue(v2.stdout().contains("home-only") && v2.stdout().contains("allow-all"), v2.all());
    }

    @Test
    void unknownCidIsNoDeviceSupportAndTheModemKeepsServing() throws Exception {
        // PIN list is a Basic Connect CID the emulator does not implement.
        Mbimcli.Result unsupported = mbimcli.run("--query-pin-list");
        assertTrue(unsupported.exitCode() != 0);
        assertTrue(unsupported.stderr().contains("NoDeviceSupport"), unsupported.all());
        mbimcli.ok("--query-radio-state");
    }
}
