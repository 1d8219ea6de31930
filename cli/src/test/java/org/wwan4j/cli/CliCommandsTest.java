package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.SimSlot;

/** The one-modem commands and {@code demo}, in-process, through the real libqmi to the emulator. */
@Timeout(180)
@Tag("slow")
class CliCommandsTest {

    @TempDir
    Path dir;

    private EmulatedModem modem;

    @AfterEach
    void stop() {
        if (modem != null) {
            modem.close();
        }
    }

    private String state() {
        return dir.resolve("state").toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoJsonHasTheContractFieldsAndTheEmulatorsValues() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        CliRun run = CliRun.of("info", "--device", modem.path().toString(), "--protocol", "qmi", "--json",
                "--state-dir", state());
        assertEquals(0, run.exitCode(), run::err);
        Map<String, Object> info = JSON.std.mapFrom(run.out());
        assertEquals(List.of("device", "protocol", "identity", "power", "sims", "registration", "signal", "bearer",
                "counters", "providers", "location"), List.copyOf(info.keySet()));
        assertEquals(modem.path().toString(), info.get("device"));
        assertEquals("qmi", info.get("protocol"));
        Map<String, Object> identity = (Map<String, Object>) info.get("identity");
        assertEquals(modem.state().identity().imei(), identity.get("imei"));
        assertEquals(modem.state().identity().model(), identity.get("model"));
        assertEquals("online", info.get("power"));

        List<Map<String, Object>> sims = (List<Map<String, Object>>) info.get("sims");
        List<SimSlot> slots = modem.state().simSlots();
        assertEquals(slots.size(), sims.size());
        for (int i = 0; i < slots.size(); i++) {
            SimSlot slot = slots.get(i);
            Map<String, Object> sim = sims.get(i);
            assertEquals(slot.number(), sim.get("slot"));
            assertEquals(slot.active(), sim.get("active"));
            String expected = !slot.cardPresent() ? "absent" : slot.active() ? "present" : "inactive";
            assertEquals(expected, sim.get("state"), "slot " + slot.number());
            assertEquals(slot.cardPresent() ? slot.iccid() : null, sim.get("iccid"), "slot " + slot.number());
            assertEquals(slot.type() == org.wwan4j.emulator.model.EmulatedSimType.ESIM ? "esim" : "physical",
                    sim.get("type"));
        }
        Map<String, Object> registration = (Map<String, Object>) info.get("registration");
        assertEquals("home", registration.get("state"));
        assertEquals(modem.state().registration().mcc(), registration.get("mcc"));
        assertEquals("07", registration.get("mnc"));
        assertEquals(List.of("lte"), registration.get("rats"));
        Map<String, Object> signal = (Map<String, Object>) info.get("signal");
        assertEquals(modem.state().signal().rssi(), signal.get("rssi"));
        assertEquals(modem.state().signal().rsrp(), signal.get("rsrp"));
        Map<String, Object> bearer = (Map<String, Object>) info.get("bearer");
        assertEquals(false, bearer.get("connected"));
        assertTrue(bearer.containsKey("ipv4") && bearer.get("ipv4") == null);
        assertTrue(((Map<String, Object>) info.get("counters")).containsKey("rxDrops"));
        assertNull(info.get("location"));
    }

    /** An older firmware (no UIM Read Transparent/Slot Status, no NAS Signal Info/System Info) still fills info. */
    @Test
    @SuppressWarnings("unchecked")
    void infoJsonOnAnOlderFirmwareHasEveryFieldThroughTheFallbacks() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI, EmulatorOptions.defaults()
                .withProfile(FirmwareProfile.LEGACY));
        CliRun run = CliRun.of("info", "--device", modem.path().toString(), "--protocol", "qmi", "--json",
                "--state-dir", state());
        assertEquals(0, run.exitCode(), run::err);
        Map<String, Object> info = JSON.std.mapFrom(run.out());
        Map<String, Object> identity = (Map<String, Object>) info.get("identity");
        assertEquals(modem.state().identity().hardwareRevision(), identity.get("hardwareRevision"));
        SimSlot card = modem.state().activeCard().orElseThrow();
        List<Map<String, Object>> sims = (List<Map<String, Object>>) info.get("sims");
        assertEquals(1, sims.size(), "no slot status: the one slot of the card status");
        assertEquals("present", sims.get(0).get("state"));
        assertEquals(card.iccid(), sims.get(0).get("iccid"));
        assertEquals(card.imsi(), sims.get(0).get("imsi"));
        Map<String, Object> registration = (Map<String, Object>) info.get("registration");
        assertEquals("home", registration.get("state"));
        assertEquals("07", registration.get("mnc"));
        assertEquals(modem.state().registration().operatorName(), registration.get("operator"));
        Map<String, Object> signal = (Map<String, Object>) info.get("signal");
        assertEquals(modem.state().signal().rssi(), signal.get("rssi"));
        assertEquals(modem.state().signal().rsrq(), signal.get("rsrq"));
        assertEquals(modem.state().signal().rsrp(), signal.get("rsrp"));
    }

    @Test
    void connectRadioAndDisconnectDriveTheModem() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        String device = modem.path().toString();
        Path password = dir.resolve("password");
        Files.writeString(password, "s3cret\n");
        Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        CliRun connect = CliRun.of("connect", "--device", device, "--state-dir", state(), "--apn", "private.corp",
                "--auth", "chap", "--user", "corp", "--password-file", password.toString());
        assertEquals(0, connect.exitCode(), connect::err);
        assertTrue(connect.out().contains("10.64.12.34/30"), connect::out);
        assertFalse(connect.out().contains("s3cret") || connect.err().contains("s3cret"), "the password leaked");
        assertTrue(modem.state().bearer().connected(), "the call outlives the command (persistent WDS client)");

        CliRun disconnect = CliRun.of("disconnect", "--device", device, "--state-dir", state());
        assertEquals(0, disconnect.exitCode(), disconnect::err);
        assertFalse(modem.state().bearer().connected());

        assertEquals(0, CliRun.of("radio", "--device", device, "--state-dir", state(), "off").exitCode());
        assertEquals(PowerState.LOW_POWER, modem.state().power());
        CliRun on = CliRun.of("radio", "--device", device, "--state-dir", state(), "on");
        assertEquals(0, on.exitCode(), on::err);
        assertEquals(PowerState.ONLINE, modem.state().power());
    }

    @Test
    void scanListsProvidersWithRoamingAndShowsProgressOnStderr() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        CliRun scan = CliRun.of("scan", "--device", modem.path().toString(), "--state-dir", state(), "--json");
        assertEquals(0, scan.exitCode(), scan::err);
        assertTrue(scan.err().contains("scanning"), scan::err);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> providers = (List<Map<String, Object>>) JSON.std.mapFrom(scan.out()).get("providers");
        assertEquals(modem.state().providers().size(), providers.size());
        assertTrue(providers.stream().anyMatch(p -> "208".equals(p.get("mcc")) && Boolean.TRUE.equals(p.get("roaming"))),
                scan::out);
    }

    @Test
    void badInputExitsWithOneLineNamingIt() throws Exception {
        CliRun missing = CliRun.of("info", "--device", dir.resolve("cdc-wdm9").toString());
        assertEquals(Wwan4jCli.EXIT_DEVICE, missing.exitCode());
        assertTrue(missing.err().contains("cdc-wdm9") && missing.err().contains("not found"), missing::err);
        assertFalse(missing.err().contains("\tat "), "no stack trace");

        CliRun radio = CliRun.of("radio", "--device", "/dev/null", "sideways");
        assertEquals(Wwan4jCli.EXIT_USAGE, radio.exitCode());
        assertTrue(radio.err().contains("sideways"), radio::err);

        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"modems\": [], \"radioSilense\": true}");
        CliRun agent = CliRun.of("agent", "--config", config.toString());
        assertEquals(Wwan4jCli.EXIT_USAGE, agent.exitCode());
        assertTrue(agent.err().contains("radioSilense"), agent::err);

        assertEquals(Wwan4jCli.EXIT_USAGE, CliRun.of("connect", "--device", "/dev/null").exitCode(), "--apn is required");
    }

    @Test
    void demoRunsForItsDurationAndPrintsAStatusTable() {
        CliRun demo = CliRun.of("demo", "--duration", "5");
        assertEquals(0, demo.exitCode(), demo::err);
        assertTrue(demo.out().contains("MODEM") && demo.out().contains("STATE") && demo.out().contains("qmi1"),
                demo::out);
        assertTrue(demo.err().contains("emulated QMI modem on"), demo::err);
    }
}
