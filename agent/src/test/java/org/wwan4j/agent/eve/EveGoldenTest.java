package org.wwan4j.agent.eve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.Health;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.Location;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.ProviderStatus;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.agent.status.StoredProfile;

/**
 * Each published EVE topic against a fixture transcribed from what Go's {@code encoding/json} writes for EVE's
 * types (pkg/pillar/types/wwan.go): the same field names in struct order, the same encodings (a nil slice is
 * null, a nil net.IP is "", *net.IPNet is IP plus base64 mask, uint8 slot numbers, int32 signal values with
 * 0x7FFFFFFF for unavailable, -32768 for an unknown location value), and the WwanConfig reader on NIM's form.
 */
class EveGoldenTest {

    private static final Instant CONNECTED = Instant.ofEpochSecond(1785578400L);

    private static String fixture(String name) throws IOException {
        try (InputStream in = EveGoldenTest.class.getResourceAsStream("/eve/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fixture in Go's compact form (its field order kept). */
    private static String compact(String json) throws Exception {
        return JsonWriter.write(JsonReader.read(json), false);
    }

    private static EveWwanConfig config() throws Exception {
        return WwanConfigReader.read(fixture("wwan-config.json"));
    }

    private static PhysAddrsLookup sysfs() {
        return new PhysAddrsLookup(() -> List.of(new DiscoveredModem("cdc-wdm0", Path.of("/dev/cdc-wdm0"),
                Protocol.QMI, "qmi_wwan", "1-2.3", "1-2.3:1.8", null, "wwan0", Path.of("/sys/x"))));
    }

    /** A connected managed modem, a configured one not found, and an unmanaged one kept radio-off. */
    private static AgentStatus status() {
        ModemInfo connected = new ModemInfo("/dev/cdc-wdm0", Protocol.QMI,
                new Identity("359072061234567", "Sierra Wireless", "EM7565", "SWI9X50C_01.14"), Power.ONLINE,
                List.of(new Sim(1, true, SimState.PRESENT, "8901260123456789012", "310260123456789", SimType.PHYSICAL),
                        new Sim(2, false, SimState.ABSENT, null, null, SimType.UNKNOWN)),
                new Registration(RegistrationState.HOME, "310", "260", "T-Mobile", List.of(Rat.LTE), "attach.apn"),
                new Signal(-70, -10, -95, 12.7),
                new Bearer(true, "internet", CONNECTED,
                        new IpSettings("10.1.2.3", 30, "10.1.2.1", List.of("8.8.8.8", "1.1.1.1"), 1500), null),
                new Counters(1000L, 2000L, 10L, 20L, 1L, 2L, 0L, 0L),
                List.of(new Provider("310", "260", "T-Mobile", ProviderStatus.CURRENT, false),
                        new Provider("310", "410", "AT&T", ProviderStatus.FORBIDDEN, true)),
                new Location(50.0875, 14.4213, null, 4.5, null, Instant.ofEpochMilli(1785578400250L)),
                List.of(new StoredProfile(1, "default", "attach.apn", IpType.IPV4V6,
                                Set.of(StoredProfile.Purpose.DEFAULT, StoredProfile.Purpose.ATTACH), true),
                        new StoredProfile(2, null, "ims", IpType.IPV6, Set.of(StoredProfile.Purpose.IMS), false),
                        new StoredProfile(3, null, "", null, Set.of(), null)));
        ModemInfo radioOff = new ModemInfo("/dev/cdc-wdm1", Protocol.MBIM, null, Power.LOW_POWER, List.of(), null, null,
                null, null, List.of(), null);
        return new AgentStatus(CONNECTED, false, CONNECTED, null, List.of(
                new ModemStatus("modem1", Health.OK, null, null, List.of(), connected),
                new ModemStatus("modem2", Health.OK, ConfigMatcher.MODEM_NOT_FOUND, null, List.of(),
                        ModemInfo.unknown(null, null)),
                new ModemStatus(null, Health.OK, null, null, List.of(), radioOff)));
    }

    @Test
    void wwanStatusHasGosFieldsAndEncodings() throws Exception {
        EveWwanConfig config = config();
        String echo = new RadioSilenceEcho().update(status(), config);
        String encoded = JsonWriter.write(new WwanStatusEncoder(sysfs()).encode(status(), config, echo), false);
        assertEquals(compact(fixture("wwan-status.json")), encoded);
    }

    @Test
    void wwanMetricsHasGosFieldsAndEncodings() throws Exception {
        String encoded = JsonWriter.write(new WwanMetricsEncoder(sysfs()).encode(status(), config()), false);
        assertEquals(compact(fixture("wwan-metrics.json")), encoded);
    }

    @Test
    void wwanLocationInfoHasGosFieldsAndEncodings() throws Exception {
        String encoded = JsonWriter.write(WwanLocationEncoder.encode(status(), config()), false);
        assertEquals(compact(fixture("wwan-location-info.json")), encoded);
    }

    @Test
    void wwanConfigBecomesTheAgentsConfig() throws Exception {
        ModemConfig m = config().agentConfig().modems().getFirst();
        assertEquals("modem1", m.name());
        assertEquals("1-2.3", m.match().usb(), "EVE's bus:port is the kernel's bus-port");
        assertEquals(1, m.simSlot());
        assertEquals(new AccessPoint("internet", IpType.IPV4, Auth.CHAP, "user", null, "secret"), m.accessPoint());
        assertEquals(new AccessPoint("attach.apn", IpType.IPV4V6, Auth.PAP, "a", null, "b"), m.attachAccessPoint());
        assertEquals(List.of("310260"), m.preferredPlmns());
        assertEquals(List.of(Rat.LTE, Rat.UMTS), m.preferredRats());
        assertTrue(m.forbidRoaming());
        assertEquals(1400, m.mtu());
        assertEquals(65000, m.routeMetric());
        assertTrue(m.locationTracking());
        assertEquals(ProbeMethod.TCP, m.probe().method());
        assertEquals(443, m.probe().port());
        assertEquals(List.of(new InetSocketAddress(InetAddress.ofLiteral("10.1.0.8"), 3128)), m.probe().proxies(),
                "IP-addressed proxies only, as mmagent probes them");
        assertEquals(ProbeMethod.NONE, config().agentConfig().modems().get(1).probe().method());
    }

    @Test
    void encryptedCredentialsAreAConfigErrorOfTheirNetworkNotACrash() throws Exception {
        EveWwanConfig config = WwanConfigReader.read("{\"Networks\":[{\"LogicalLabel\":\"m\",\"AccessPoint\":"
                + "{\"Activated\":true,\"APN\":\"x\",\"EncryptedCredentials\":{\"IsCipher\":true,"
                + "\"pubsub-large-CipherData\":\"AAEC\"}}}]}");
        assertTrue(config.network("m").orElseThrow().configError().startsWith("EncryptedCredentials"));
        assertNull(config.agentConfig().modems().getFirst().accessPoint().username());
    }

    /** A network whose AccessPoint carries the controller's cipher block, as NIM forwards it. */
    private static String encryptedWwanConfig(String cipherData) {
        return "{\"Networks\":[{\"LogicalLabel\":\"modem1\",\"AccessPoint\":{\"APN\":\"internet\","
                + "\"EncryptedCredentials\":{\"CipherBlockID\":\"wwan-modem1-credentials\","
                + "\"CipherContextID\":\"ctx-1\",\"InitialValue\":\"AAECAwQFBgcICQoLDA0ODw==\","
                + "\"pubsub-large-CipherData\":\"" + cipherData + "\",\"ClearTextHash\":\"3q2+7w==\","
                + "\"IsCipher\":true,\"CipherContext\":{\"ContextID\":\"ctx-1\",\"HashScheme\":1,"
                + "\"KeyExchangeScheme\":1,\"EncryptionScheme\":1,\"ControllerCertHash\":\"AQID\","
                + "\"DeviceCertHash\":\"BAUG\",\"Error\":\"\",\"ErrorTime\":\"0001-01-01T00:00:00Z\","
                + "\"ErrorSeverity\":0,\"ErrorRetryCondition\":\"\",\"ErrorEntities\":null},"
                + "\"Error\":\"\",\"ErrorTime\":\"0001-01-01T00:00:00Z\",\"ErrorSeverity\":0,"
                + "\"ErrorRetryCondition\":\"\",\"ErrorEntities\":null}}}]}";
    }

    @Test
    void encryptedCredentialsArePublishedAsMmagentsFailedDecryption() throws Exception {
        CipherFailures failures = new CipherFailures();
        assertEquals("{\"AgentName\":\"wwan\",\"FailureCount\":0,\"SuccessCount\":0,"
                + "\"LastFailure\":\"0001-01-01T00:00:00Z\",\"LastSuccess\":\"0001-01-01T00:00:00Z\","
                + "\"TypeCounters\":[0,0,0,0,0,0,0,0]}", JsonWriter.write(failures.metrics(), false),
                "zero counts before any encrypted credentials");
        Instant failedAt = Instant.parse("2026-08-01T10:00:00.5Z");
        String sealed = "c2VhbGVkIGJ5IHRoZSBjb250cm9sbGVy";
        List<EveNetwork> networks = WwanConfigReader.read(encryptedWwanConfig(sealed)).networks();
        Map<String, Map<String, Object>> blocks = failures.configApplied(networks,
                WwanNetworkConverter.ENCRYPTED_CREDENTIALS_ERROR, failedAt);
        assertEquals(Set.of("wwan-modem1-credentials"), blocks.keySet(), "keyed by the block's id");
        assertEquals(compact(fixture("cipher-block-status.json")),
                JsonWriter.write(blocks.get("wwan-modem1-credentials"), false));
        assertEquals(compact(fixture("cipher-metrics.json")), JsonWriter.write(failures.metrics(), false));

        // mmagent decrypts again only when the AccessPoint changed: the same block is not a new failure.
        assertTrue(failures.configApplied(networks, "x", failedAt.plusSeconds(60)).isEmpty());
        assertEquals(1L, failures.metrics().get("FailureCount"));
        List<EveNetwork> rotated = WwanConfigReader.read(encryptedWwanConfig("bmV3IHNlYWw=")).networks();
        assertEquals(1, failures.configApplied(rotated, "x", failedAt.plusSeconds(120)).size());
        assertEquals(2L, failures.metrics().get("FailureCount"));
        assertEquals(List.of(0L, 0L, 2L, 0L, 0L, 0L, 0L, 0L), failures.metrics().get("TypeCounters"));
        assertEquals("2026-08-01T10:02:00.5Z", failures.metrics().get("LastFailure"));
    }

    @Test
    void goTimesDropTrailingZerosOfTheNanoseconds() {
        assertEquals("2026-08-01T10:00:00Z", GoTime.format(Instant.parse("2026-08-01T10:00:00Z")));
        assertEquals("2026-08-01T10:00:00.12Z", GoTime.format(Instant.parse("2026-08-01T10:00:00.120Z")));
        assertEquals("2026-08-01T10:00:00.000000001Z", GoTime.format(Instant.parse("2026-08-01T10:00:00.000000001Z")));
    }

    @Test
    void deprecatedSingleApnConfigIsConvertedAsNimDoes() throws Exception {
        ModemConfig m = WwanConfigReader.read("{\"Networks\":[{\"LogicalLabel\":\"m\",\"Cellular\":[{\"APN\":\"old\","
                + "\"ProbeAddr\":\"9.9.9.9\",\"LocationTracking\":true}]}]}").agentConfig().modems().getFirst();
        assertEquals("old", m.accessPoint().apn());
        assertEquals(ProbeMethod.ICMP, m.probe().method());
        assertEquals("9.9.9.9", m.probe().host());
        assertTrue(m.locationTracking());
    }

    @Test
    void badWwanConfigNamesEveryProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> WwanConfigReader.read("{\"DPCTimestamp\":"
                + "\"yesterday\",\"Networks\":[{\"PhysAddrs\":{\"USB\":\"1-2\"},\"AccessPoint\":{\"IPType\":\"ipx\","
                + "\"PreferredRATs\":[\"6g\"]}}]}"));
        assertEquals(5, e.errors().size(), e.errors().toString());
        assertThrows(ConfigException.class, () -> WwanConfigReader.read("{\"Networks\": ["));
    }

    @Test
    void radioSilenceTimestampIsEchoedOnlyOnceTheRadiosAreInTheRequestedState() throws Exception {
        EveWwanConfig silence = WwanConfigReader.read("{\"RSConfigTimestamp\":\"2026-08-01T12:00:00Z\","
                + "\"RadioSilence\":true}");
        RadioSilenceEcho echo = new RadioSilenceEcho();
        AgentStatus stillOn = new AgentStatus(CONNECTED, true, null, null, List.of());
        assertEquals(GoFields.ZERO_TIME, echo.update(stillOn, silence));
        AgentStatus allOff = new AgentStatus(CONNECTED, true, CONNECTED, null, List.of());
        assertEquals("2026-08-01T12:00:00Z", echo.update(allOff, silence));
    }

    @Test
    void goFloatsAndMasks() {
        assertEquals("-32768", GoJson.float64(-32768).toString());
        assertEquals("45.5", GoJson.float64(45.5).toString());
        assertEquals("4.5", GoJson.float32(4.5f).toString());
        assertEquals(Map.of("IP", "2001:db8::1", "Mask", "////////////AAAAAAAAAA=="), GoJson.ipNet("2001:db8:0:0::1",
                72));
    }
}
