package org.wwan4j.agent.eve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * The agent as EVE's wwan service against the emulator, QMI and MBIM: NIM's WwanConfig file in, WwanStatus and
 * WwanMetrics files out with the modem connected under its logical label, the DPC key and timestamps echoed; a bad
 * WwanConfig is reported in status while the last good one keeps the modem connected. A subscriber on the
 * WwanStatus socket, connected from the start, sees the same changes as updates.
 */
@Timeout(180)
class EveAgentEndToEndTest {

    /** Generous: two cores shared with other builds; nothing here asserts how fast anything is. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private EmulatedModem modem;
    private EveDaemon eve;
    private PubSubTestSubscriber subscriber;

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
        if (eve != null) {
            eve.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    private static String wwanConfig(Path device, String dpcKey) {
        return "{\"DPCKey\":\"" + dpcKey + "\",\"DPCTimestamp\":\"2026-08-01T10:00:00.123456789Z\","
                + "\"RSConfigTimestamp\":\"2026-08-01T09:00:00Z\",\"RadioSilence\":false,\"Networks\":[{"
                + "\"LogicalLabel\":\"modem1\",\"PhysAddrs\":{\"Interface\":\"emu0\",\"USB\":\"\",\"PCI\":\"\","
                + "\"Dev\":\"" + device + "\"},\"AccessPoint\":{\"Activated\":true,\"APN\":\"internet\","
                + "\"EncryptedCredentials\":{\"IsCipher\":false}},\"Proxies\":null,\"Probe\":{\"Disable\":true,"
                + "\"UserDefinedProbe\":{\"Method\":0,\"ProbeHost\":\"\",\"ProbePort\":0}},"
                + "\"LocationTracking\":false,\"MTU\":0,\"RouteMetric\":65000}]}";
    }

    @ParameterizedTest
    @EnumSource(value = EmulatedProtocol.class, names = {"QMI", "MBIM"})
    void wwanConfigInWwanStatusOutWithTheModemConnected(EmulatedProtocol protocol) throws Exception {
        modem = EmulatedModem.start(protocol);
        EveRoot root = new EveRoot(dir.resolve("run"));
        writeAtomically(root.wwanConfig(), wwanConfig(modem.path(), "zedagent"));
        eve = startEve(root);
        // As NIM subscribes: on the publisher's socket, from the start.
        subscriber = PubSubTestSubscriber.subscribe(root.wwanSocket("WwanStatus"), "WwanStatus");
        subscriber.awaitSync(WAIT);

        Map<String, Object> status = awaitJson(root.wwanStatus(), "modem1 online-and-connected",
                s -> network(s).map(n -> "online-and-connected".equals(module(n).get("OpMode"))).orElse(false));
        Map<String, Object> network = network(status).orElseThrow();
        assertEquals("zedagent", status.get("DPCKey"));
        assertEquals("2026-08-01T10:00:00.123456789Z", status.get("DPCTimestamp"), "echoed as NIM wrote it");
        assertEquals("2026-08-01T09:00:00Z", status.get("RSConfigTimestamp"), "radios are in the requested state");
        @SuppressWarnings("unchecked")
        Map<String, Object> phys = (Map<String, Object>) network.get("PhysAddrs");
        assertEquals(modem.path().toString(), phys.get("Dev"));
        assertEquals("emu0", phys.get("Interface"));
        assertEquals(protocol == EmulatedProtocol.QMI ? "qmi" : "mbim", module(network).get("ControlProtocol"));
        assertEquals("", network.get("ConfigError"));
        assertTrue(((Number) network.get("ConnectedAt")).longValue() > 0, "Unix seconds of the connection");
        @SuppressWarnings("unchecked")
        Map<String, Object> ip = (Map<String, Object>) network.get("IPSettings");
        assertTrue(ip.get("Address") instanceof Map, "a *net.IPNet: " + ip);
        assertTrue(modem.state().bearer().connected(), "the emulated modem has its data call up");
        // The modem's stored profiles, read once on the way up: QMI names them and marks the attach one; MBIM
        // contexts have no names (profile-id:N) and internet contexts are default bearers.
        Map<String, Object> listed = awaitJson(root.wwanStatus(), "modem1's stored profiles",
                s -> network(s).map(n -> n.get("Profiles") instanceof List<?> l && l.size() == 2).orElse(false));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> profiles = (List<Map<String, Object>>) network(listed).orElseThrow().get("Profiles");
        boolean qmi = protocol == EmulatedProtocol.QMI;
        assertEquals(Map.of("Name", qmi ? "default" : "profile-id:1", "APN", "internet", "BearerType", qmi ? 1L : 2L,
                "IPType", "ipv4v6", "ForbidRoaming", false), numbersAsLong(profiles.get(0)));
        assertEquals(Map.of("Name", qmi ? "ims" : "profile-id:2", "APN", "ims", "BearerType", 3L,
                "IPType", "ipv4v6", "ForbidRoaming", true), numbersAsLong(profiles.get(1)));
        Map<String, Object> viaSocket = awaitUpdate(subscriber, "modem1 connected, over the socket",
                s -> network(s).map(n -> "online-and-connected".equals(module(n).get("OpMode"))).orElse(false));
        assertEquals("zedagent", viaSocket.get("DPCKey"));

        Map<String, Object> metrics = awaitJson(root.wwanMetrics(), "metrics of modem1",
                m -> m.get("Networks") instanceof List<?> l && !l.isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) metrics.get("Networks")).getFirst();
        assertEquals("modem1", first.get("LogicalLabel"));

        // A broken edit: reported under the label, the previous config keeps the modem connected.
        writeAtomically(root.wwanConfig(), "{\"Networks\":[{\"LogicalLabel\":\"modem1\",\"AccessPoint\":"
                + "{\"AuthProtocol\":\"kerberos\"}}]}");
        Map<String, Object> rejected = awaitJson(root.wwanStatus(), "the rejection in ConfigError",
                s -> network(s).map(n -> String.valueOf(n.get("ConfigError")).contains("kerberos")).orElse(false));
        assertEquals("online-and-connected", module(network(rejected).orElseThrow()).get("OpMode"));
        assertEquals("zedagent", rejected.get("DPCKey"), "still the last good WwanConfig's");
        awaitUpdate(subscriber, "the rejection, over the socket",
                s -> network(s).map(n -> String.valueOf(n.get("ConfigError")).contains("kerberos")).orElse(false));

        // Credentials encrypted by the controller: the failure published as mmagent publishes a failed decryption.
        assertEquals(0L, ((Number) awaitJson(root.cipherMetrics(), "cipher metrics", m -> true).get("FailureCount"))
                .longValue(), "published from the start, with zero counts");
        writeAtomically(root.wwanConfig(), wwanConfig(modem.path(), "zedagent").replace("{\"IsCipher\":false}",
                "{\"CipherBlockID\":\"creds-1\",\"CipherContextID\":\"ctx-1\",\"IsCipher\":true}"));
        Map<String, Object> block = awaitJson(root.cipherBlockStatus().resolveSibling("creds-1.json"),
                "the block's status", b -> true);
        assertTrue(String.valueOf(block.get("Error")).contains("cannot be decrypted"), "the failure: " + block);
        awaitJson(root.cipherMetrics(), "one failed decryption",
                m -> ((Number) m.get("FailureCount")).longValue() == 1);
    }

    /**
     * EVE's global config followed while running, as mmagent follows it: no scan without the file; zedagent then
     * switches {@code wwan.query.visible.providers} on and the running modem's visible providers appear.
     */
    @ParameterizedTest
    @EnumSource(value = EmulatedProtocol.class, names = {"QMI", "MBIM"})
    void theProviderScanSwitchIsFollowedWhileRunning(EmulatedProtocol protocol) throws Exception {
        modem = EmulatedModem.start(protocol);
        EveRoot root = new EveRoot(dir.resolve("run"));
        writeAtomically(root.wwanConfig(), wwanConfig(modem.path(), "zedagent"));
        eve = startEve(root);
        Map<String, Object> before = awaitJson(root.wwanStatus(), "modem1 online-and-connected",
                s -> network(s).map(n -> "online-and-connected".equals(module(n).get("OpMode"))).orElse(false));
        Object none = network(before).orElseThrow().get("VisibleProviders");
        assertTrue(!(none instanceof List<?> l) || l.isEmpty(), "no scan by EVE's default: " + none);

        // zedagent's directory appears only now: the watcher picks it up while running.
        writeAtomically(root.globalConfig(), "{\"GlobalSettings\":{\"wwan.query.visible.providers\":"
                + "{\"Key\":\"wwan.query.visible.providers\",\"ItemType\":2,\"IntValue\":0,\"StrValue\":\"\","
                + "\"BoolValue\":true,\"TriStateValue\":0}}}");
        Map<String, Object> scanned = awaitJson(root.wwanStatus(), "modem1's visible providers",
                s -> network(s).map(n -> n.get("VisibleProviders") instanceof List<?> l && !l.isEmpty())
                        .orElse(false));
        assertEquals("online-and-connected", module(network(scanned).orElseThrow()).get("OpMode"));
        assertEquals("zedagent", scanned.get("DPCKey"), "the same WwanConfig, re-applied with the switch");
    }

    private EveDaemon startEve(EveRoot root) throws IOException {
        for (String sub : List.of("sys", "dev", "state")) {
            Files.createDirectories(dir.resolve(sub));
        }
        AgentOptions options = new AgentOptions(dir.resolve("unused.json"), null, null, dir.resolve("state"), null,
                dir.resolve("sys"), dir.resolve("dev"), dir.resolve("unused"), false, SupervisorSettings.DEFAULTS,
                false);
        ModemFactories factories = ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(dir.resolve("state")))
                .register(Protocol.MBIM, new MbimModemFactory(dir.resolve("state")))
                .build();
        return EveDaemon.start(options, root, false, factories, new RecordingIp());
    }

    /** JSON numbers as longs, whatever width the reader chose, so maps compare by value. */
    private static Map<String, Object> numbersAsLong(Map<String, Object> item) {
        Map<String, Object> out = new java.util.HashMap<>();
        item.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> network(Map<String, Object> status) {
        if (!(status.get("Networks") instanceof List<?> networks)) {
            return java.util.Optional.empty();
        }
        return networks.stream().map(n -> (Map<String, Object>) n)
                .filter(n -> "modem1".equals(n.get("LogicalLabel"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> module(Map<String, Object> network) {
        return (Map<String, Object>) network.get("Module");
    }

    private static void writeAtomically(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".global.json.tmp");
        Files.writeString(temp, json);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads the subscription's updates until the item satisfies the condition. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitUpdate(PubSubTestSubscriber subscriber, String what,
            Predicate<Map<String, Object>> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = subscriber.items().get("global");
        while (true) {
            if (last != null) {
                Map<String, Object> value = (Map<String, Object>) JsonReader.read(last);
                if (condition.test(value)) {
                    return value;
                }
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                throw new AssertionError("timed out waiting for " + what + "; last: " + last);
            }
            PubSubTestSubscriber.Message message = subscriber.next(left);
            assertTrue(message != null && message.verb().equals("update"), what + ": got " + message);
            last = message.value();
        }
    }

    /** Polls the published file: the publisher replaces it whole, so every read is one complete version. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitJson(Path file, String what, Predicate<Map<String, Object>> condition)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = Files.readString(file);
                Map<String, Object> value = (Map<String, Object>) JsonReader.read(last);
                if (condition.test(value)) {
                    return value;
                }
            } catch (NoSuchFileException e) {
                // not published yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + " in " + file + "; last: " + last);
    }
}
