package org.wwan4j.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    /** The example from DESIGN.md, verbatim. */
    private static final String DESIGN_EXAMPLE = """
            {"radioSilence": false, "scanProviders": false,
             "modems": [{"name": "modem1",
                         "match": {"device": "/dev/cdc-wdm0", "usb": null, "pci": null, "interface": null, "imei": null},
                         "protocol": "auto", "interface": "wwan0", "simSlot": 0,
                         "accessPoint": {"apn": "internet", "ipType": "ipv4", "auth": "none", "username": null, "passwordFile": null},
                         "attachAccessPoint": null, "preferredPlmns": [], "preferredRats": [], "forbidRoaming": false,
                         "mtu": 0, "routeMetric": 100, "locationTracking": false,
                         "probe": {"method": "icmp", "host": null, "port": null, "intervalSeconds": 300}}]}
            """;

    @Test
    void theDesignExampleParsesToTheDefaults() throws Exception {
        AgentConfig config = ConfigParser.parse(DESIGN_EXAMPLE);
        assertFalse(config.radioSilence());
        ModemConfig modem = config.modems().getFirst();
        assertEquals(new ModemMatch("/dev/cdc-wdm0", null, null, null, null), modem.match());
        assertEquals(AccessPoint.DEFAULT, modem.accessPoint());
        assertEquals(ProbeConfig.DEFAULT, modem.probe());
        assertEquals(Protocol.AUTO, modem.protocol());
        assertEquals("wwan0", modem.interfaceName());
        assertEquals(100, modem.routeMetric());
        assertNull(modem.attachAccessPoint());
    }

    @Test
    void aMinimalModemGetsEveryDefault() throws Exception {
        ModemConfig modem = ConfigParser.parse("{\"modems\":[{\"name\":\"m\"}]}").modems().getFirst();
        assertEquals(ModemMatch.ANY, modem.match());
        assertTrue(modem.match().isAny());
        assertEquals(AccessPoint.DEFAULT, modem.accessPoint());
        assertEquals(ProbeConfig.DEFAULT, modem.probe());
        assertEquals(0, modem.simSlot());
        assertEquals(ModemConfig.MTU_FROM_NETWORK, modem.mtu());
        assertEquals(List.of(), modem.preferredRats());
        assertNull(modem.interfaceName());
        assertEquals(UnlockConfig.DEFAULT, modem.unlock());
    }

    @Test
    void theUnlockFieldsAreReadAndChecked() throws Exception {
        ModemConfig modem = ConfigParser.parse("{\"modems\":[{\"name\":\"m\", \"fccUnlock\": \"off\","
                + " \"simPinFile\": \"/etc/wwan4j/sim.pin\"}]}").modems().getFirst();
        assertEquals(new UnlockConfig(FccUnlock.OFF, Path.of("/etc/wwan4j/sim.pin")), modem.unlock());
        assertEquals(FccUnlock.MBIM_QUECTEL, ConfigParser.parse("{\"modems\":[{\"name\":\"m\","
                + " \"fccUnlock\": \"mbim-quectel-set-radio-state\"}]}").modems().getFirst().unlock().fccUnlock());
        ConfigException method = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\", \"fccUnlock\": \"please\"}]}"));
        assertTrue(method.getMessage().contains("fccUnlock"), method.getMessage());
        ConfigException relative = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\", \"simPinFile\": \"sim.pin\"}]}"));
        assertTrue(relative.getMessage().contains("simPinFile"), relative.getMessage());
    }

    @Test
    void anEmptyObjectIsAConfigWithoutModems() throws Exception {
        assertEquals(AgentConfig.EMPTY, ConfigParser.parse("{}"));
    }

    @Test
    void everyFieldIsRead() throws Exception {
        AgentConfig config = ConfigParser.parse("""
                {"radioSilence": true, "scanProviders": true, "modems": [{"name": "uplink",
                  "match": {"usb": "1:1.4", "pci": "0000:01:00.0", "interface": "wwan1", "imei": "356938035643809"},
                  "protocol": "mbim", "interface": "wwan1", "simSlot": 2,
                  "accessPoint": {"apn": "corp.example", "ipType": "ipv4v6", "auth": "pap-and-chap",
                                  "username": "u", "passwordFile": "/run/secrets/apn"},
                  "attachAccessPoint": {"apn": "ims", "ipType": "ipv6", "auth": "chap", "username": "a", "password": "s3cret"},
                  "preferredPlmns": ["26201", "310410"], "preferredRats": ["5gnr", "lte"], "forbidRoaming": true,
                  "mtu": 1428, "routeMetric": 4294967295, "locationTracking": true,
                  "probe": {"method": "tcp", "host": "192.0.2.1", "port": 443, "intervalSeconds": 60}}]}
                """);
        assertTrue(config.radioSilence());
        assertTrue(config.scanProviders());
        ModemConfig m = config.modem("uplink").orElseThrow();
        assertEquals(new ModemMatch(null, "1-1.4", "0000:01:00.0", "wwan1", "356938035643809"), m.match());
        assertEquals(Protocol.MBIM, m.protocol());
        assertEquals(2, m.simSlot());
        assertEquals(new AccessPoint("corp.example", IpType.IPV4V6, Auth.PAP_AND_CHAP, "u", Path.of("/run/secrets/apn"), null),
                m.accessPoint());
        assertEquals("s3cret", m.attachAccessPoint().password());
        assertEquals(List.of("26201", "310410"), m.preferredPlmns());
        assertEquals(List.of(Rat.NR5G, Rat.LTE), m.preferredRats());
        assertTrue(m.forbidRoaming());
        assertEquals(1428, m.mtu());
        assertEquals(4294967295L, m.routeMetric());
        assertEquals(new ProbeConfig(ProbeMethod.TCP, "192.0.2.1", 443, 60), m.probe());
    }

    @Test
    void aBadEnumNamesThePathTheValueAndTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"ipType\":\"ipv5\"}}]}"));
        assertEquals(List.of("modems[0].accessPoint.ipType: \"ipv5\" is not one of ipv4, ipv6, ipv4v6"), e.errors());
    }

    @Test
    void allErrorsAreCollectedNotJustTheFirst() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse("""
                {"radioSilence": "yes", "modems": [
                  {"name": "a", "mtu": 100, "simSlot": -1, "preferredPlmns": ["2620", 26201],
                   "preferredRats": ["lte", "wifi", "lte"], "protocol": 1, "routeMetric": 4294967296},
                  {"match": {"usb": "usb1", "pci": "01:00.0", "imei": "12", "device": "dev/x"}, "interface": "a/b"},
                  "nonsense"]}
                """));
        assertEquals(List.of(
                "radioSilence: \"yes\" is not true or false",
                "modems[0].protocol: 1 is not one of auto, qmi, mbim",
                "modems[0].simSlot: -1 is out of range 0..16",
                "modems[0].preferredPlmns[0]: \"2620\" is not an MCCMNC of 5 or 6 digits",
                "modems[0].preferredPlmns[1]: 26201 is not an MCCMNC of 5 or 6 digits",
                "modems[0].preferredRats[1]: \"wifi\" is not one of gsm, umts, lte, 5gnr",
                "modems[0].preferredRats: \"lte\" is listed twice",
                "modems[0].mtu: 100 is neither 0 (the network's) nor in 576..9000",
                "modems[0].routeMetric: 4294967296 is out of range 0..4294967295",
                "modems[1].name: is required",
                "modems[1].match.device: \"dev/x\" is not an absolute path",
                "modems[1].match.usb: \"usb1\" is not a USB address like 1-1.4",
                "modems[1].match.pci: \"01:00.0\" is not a PCI address like 0000:01:00.0",
                "modems[1].match.imei: \"12\" is not 15 digits",
                "modems[1].interface: \"a/b\" is not a network interface name (1..15 characters, no '/', ':' or space)",
                "modems[2]: \"nonsense\" is not an object"), e.errors());
    }

    @Test
    void unknownKeysAreErrorsThatNameThem() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"radioSilense\": true, \"modems\":[{\"name\":\"m\",\"accesPoint\":{},\"probe\":{\"methd\":\"tcp\"}}]}"));
        assertEquals(3, e.errors().size(), e::getMessage);
        assertTrue(e.errors().get(0).startsWith("modems[0].probe: unknown key \"methd\""), e::getMessage);
        assertTrue(e.errors().get(1).startsWith("modems[0]: unknown key \"accesPoint\" (known: name, match,"), e::getMessage);
        assertTrue(e.errors().get(2).startsWith("(root): unknown key \"radioSilense\""), e::getMessage);
    }

    @Test
    void modemNamesMustBeUnique() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\"},{\"name\":\"x\"},{\"name\":\"m\"}]}"));
        assertEquals(List.of("modems[2].name: \"m\" is used by an earlier modem"), e.errors());
    }

    @Test
    void aPasswordIsNeverEchoed() {
        ConfigException wrongType = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"password\":[\"hunter2\"],\"passwrd\":\"hunter2\"}}]}"));
        assertFalse(wrongType.getMessage().contains("hunter2"), wrongType::getMessage);
        assertTrue(wrongType.getMessage().contains("modems[0].accessPoint.password: (redacted) is not a string"),
                wrongType::getMessage);
        ConfigException badJson = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"password\": hunter2}}]}"));
        assertFalse(badJson.getMessage().contains("hunter2"), badJson::getMessage);
        assertTrue(badJson.getMessage().startsWith("(root): invalid JSON at line 1, column"), badJson::getMessage);
    }

    @Test
    void anAccessPointPrintsNoPassword() throws Exception {
        AccessPoint ap = ConfigParser.parse("{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"password\":\"hunter2\"}}]}")
                .modems().getFirst().accessPoint();
        assertEquals("hunter2", ap.password());
        assertFalse(ap.toString().contains("hunter2"), ap::toString);
        AgentConfig config = ConfigParser.parse("{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"password\":\"hunter2\"}}]}");
        assertFalse(config.toString().contains("hunter2"), config::toString);
    }

    @Test
    void passwordAndPasswordFileExcludeEachOther() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"password\":\"p\",\"passwordFile\":\"/f\"}}]}"));
        assertEquals(List.of("modems[0].accessPoint.password: give either password or passwordFile, not both"), e.errors());
    }

    @Test
    void anAttachAccessPointNeedsAnApn() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"attachAccessPoint\":{\"ipType\":\"ipv4\"}}]}"));
        assertEquals(List.of("modems[0].attachAccessPoint.apn: is required for the attach access point"), e.errors());
    }

    @Test
    void anIpv6BearerNeedsAnIpv6Mtu() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"mtu\":1000,\"accessPoint\":{\"ipType\":\"ipv4v6\"}}]}"));
        assertEquals(List.of("modems[0].mtu: 1000 is below 1280, the minimum for IPv6 (ipType ipv4v6)"), e.errors());
    }

    @Test
    void probeRulesDependOnTheMethod() {
        ConfigException tcp = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"probe\":{\"method\":\"tcp\"}}]}"));
        assertEquals(List.of("modems[0].probe.port: is required for the tcp probe",
                "modems[0].probe.host: is required for the tcp probe"), tcp.errors());
        ConfigException icmp = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"probe\":{\"method\":\"icmp\",\"port\":80,\"intervalSeconds\":1}}]}"));
        assertEquals(List.of("modems[0].probe.port: is used only by the tcp probe, not by icmp",
                "modems[0].probe.intervalSeconds: 1 is out of range 10..86400"), icmp.errors());
    }

    @Test
    void structuralProblemsAreReportedPlainly() {
        assertEquals(List.of("(root): an array is not an object"),
                assertThrows(ConfigException.class, () -> ConfigParser.parse("[]")).errors());
        assertEquals(List.of("modems: an object is not an array"),
                assertThrows(ConfigException.class, () -> ConfigParser.parse("{\"modems\":{}}")).errors());
        assertEquals(List.of("(root): unexpected content after the JSON value at line 1, column 4"),
                assertThrows(ConfigException.class, () -> ConfigParser.parse("{} {\"radioSilence\":true}")).errors());
        ConfigException duplicate = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("{\"radioSilence\":true,\"radioSilence\":false}"));
        assertTrue(duplicate.getMessage().contains("Duplicate field 'radioSilence'"), duplicate::getMessage);
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String apn = "a".repeat(200);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                "{\"modems\":[{\"name\":\"m\",\"accessPoint\":{\"apn\":\"" + apn + "\"}}]}"));
        assertEquals(List.of("modems[0].accessPoint.apn: \"" + "a".repeat(64)
                + "...\" must be at most 100 printable ASCII characters"), e.errors());
    }
}
