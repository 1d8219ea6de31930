package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.agent.qmi.EmulatedModemAndAgent.connected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.model.EmulatedIpType;

/**
 * The data path like a real qmi_wwan modem, end to end through libqmi/libmbim and the agent: the data format agreed
 * with modem (WDA) and kernel (qmi/raw_ip under the sysfs root) before Start Network, a firmware without WDA kept in
 * 802.3, a disagreement that is an error rather than "connected", and dual stack (QMI: a WDS client per family;
 * MBIM: one IPv4v6 connect) with both families in status.
 */
@Timeout(120)
@Tag("slow")
class DataPathEndToEndTest {

    private static final String WDA_SET_DATA_FORMAT = "WDA/0x0020";
    private static final String WDA_GET_DATA_FORMAT = "WDA/0x0021";
    private static final String WDS_START_NETWORK = "WDS/0x0020";
    private static final int WDS_SET_IP_FAMILY = 0x004D;

    @TempDir
    Path dir;
    @RegisterExtension
    final EmulatedModemAndAgent e2e = new EmulatedModemAndAgent();

    private static SupervisorSettings settings() {
        return AgentHarness.settings(Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    /** The agent on the fixture's config with the access point asking for {@code ipType}. */
    private AgentHarness startAgentAsking(String ipType) throws IOException {
        return e2e.startAgent(dir, e2e.config("").replace("\"apn\": \"internet\"",
                "\"apn\": \"internet\", \"ipType\": \"" + ipType + "\""), settings());
    }

    private static boolean bothFamiliesUp(ModemStatus s) {
        return connected(s) && s.info().bearer().ipv4() != null && s.info().bearer().ipv6() != null;
    }

    /** qmi_wwan's switch under the temp sysfs root, as the kernel shows it for the interface "emu0". */
    private Path rawIpSwitch(String value) throws IOException {
        Path file = dir.resolve("sys/class/net/emu0/qmi/raw_ip");
        Files.createDirectories(file.getParent());
        Files.writeString(file, value + "\n");
        return file;
    }

    @Test
    void rawIpIsNegotiatedWithModemAndKernelBeforeStartNetwork() throws Exception {
        EmulatedModem modem = e2e.startModem(EmulatedProtocol.QMI, EmulatorOptions.defaults().withRequireRawIp(true));
        Path rawIp = rawIpSwitch("N");
        AgentHarness agent = e2e.startAgent(dir, e2e.config(""), settings());

        ModemStatus m = agent.awaitModem("connected with traffic counted", s -> connected(s)
                && s.info().counters() != null && s.info().counters().rxBytes() != null
                && s.info().counters().rxBytes() > 0);
        assertEquals(DataFormat.RAW_IP, m.info().bearer().dataFormat());
        assertEquals("Y", Files.readString(rawIp).trim(), "the kernel switched to raw-IP with the modem");
        assertTrue(modem.state().linkLayerRawIp());
        assertNull(modem.state().dataPathError());

        List<String> order = modem.statistics().recentRequests();
        int set = order.indexOf(WDA_SET_DATA_FORMAT);
        int start = order.indexOf(WDS_START_NETWORK);
        assertTrue(order.indexOf(WDA_GET_DATA_FORMAT) >= 0 && set >= 0 && start > set,
                () -> "WDA Get/Set Data Format must come before Start Network: " + order);

        java.util.regex.Pattern named = java.util.regex.Pattern.compile("\"dataFormat\"\\s*:\\s*\"raw-ip\"");
        AgentHarness.until("the status file names the format", () -> Files.isRegularFile(agent.status)
                && named.matcher(readQuietly(agent.status)).find());

        // An independent client sees the same format on the modem, once the agent let go of the port (a pty
        // carries one client's byte stream).
        e2e.stopAgent();
        String qmicli = qmicli(modem.path(), "--wda-get-data-format");
        assertTrue(qmicli.contains("Link layer protocol: 'raw-ip'"), qmicli);
        assertTrue(qmicli.contains("Uplink data aggregation protocol: 'disabled'"), qmicli);
    }

    @Test
    void firmwareWithoutWdaKeeps8023AndTheKernelFollows() throws Exception {
        EmulatedModem modem = e2e.startModem(EmulatedProtocol.QMI, EmulatorOptions.defaults()
                .withProfile(FirmwareProfile.LEGACY));
        Path rawIp = rawIpSwitch("Y");
        AgentHarness agent = e2e.startAgent(dir, e2e.config(""), settings());

        ModemStatus m = agent.awaitModem("connected in 802.3", s -> connected(s)
                && s.events().stream().anyMatch(e -> e.message().contains(QmiDataFormat.FIELD)));
        assertEquals(DataFormat.ETHERNET, m.info().bearer().dataFormat());
        assertEquals("N", Files.readString(rawIp).trim(), "the kernel follows the modem to 802.3");
        assertEquals(1, modem.statistics().requestsSeen("WDA", 0x0021), "a refused request is not asked again");
        assertEquals(0, modem.statistics().requestsSeen("WDA", 0x0020));
    }

    @Test
    void modemAndKernelThatCannotAgreeAreAnErrorNotConnected() throws Exception {
        EmulatedModem modem = e2e.startModem(EmulatedProtocol.QMI, EmulatorOptions.defaults()
                .withProfile(FirmwareProfile.LEGACY));
        // The kernel frames raw-IP and refuses the switch, as it does while the interface is up.
        KernelDataFormat busy = new KernelDataFormat() {
            @Override
            public String interfaceName() {
                return "emu0";
            }

            @Override
            public boolean supportsRawIp() {
                return true;
            }

            @Override
            public DataFormat current() {
                return DataFormat.RAW_IP;
            }

            @Override
            public void set(DataFormat format) throws IOException {
                throw new IOException("Device or resource busy");
            }
        };
        AgentHarness agent = e2e.startAgent(dir, e2e.config(""), settings(), name -> busy);

        ModemStatus m = agent.awaitModem("a data format error", s -> s.health().lastError() != null
                && s.health().lastError().contains("data format mismatch"));
        assertFalse(connected(m), "a bearer that passes no traffic is never reported up");
        assertTrue(m.health().lastError().contains("802.3"), m.health()::toString);
        assertEquals(0, modem.statistics().requestsSeen("WDS", 0x0020), "no Start Network on a broken data path");
    }

    @Test
    void dualStackOverQmiIsOneWdsClientPerFamily() throws Exception {
        EmulatedModem modem = e2e.startModem(EmulatedProtocol.QMI);
        AgentHarness agent = startAgentAsking("ipv4v6");

        ModemStatus m = agent.awaitModem("connected with both families", DataPathEndToEndTest::bothFamiliesUp);
        Bearer bearer = m.info().bearer();
        var emulated = modem.state().bearer();
        assertEquals(EmulatedIpType.IPV4V6, emulated.ipType());
        assertEquals(emulated.ipv4().address(), bearer.ipv4().address());
        assertEquals(emulated.ipv6().address(), bearer.ipv6().address());
        assertEquals(emulated.ipv6().prefix(), bearer.ipv6().prefix());
        assertEquals(emulated.ipv6().gateway(), bearer.ipv6().gateway());
        assertEquals(emulated.ipv6().dns(), bearer.ipv6().dns());
        assertEquals(2, modem.statistics().clientsAllocated("WDS"), "one WDS client per family");
        assertEquals(2, modem.statistics().requestsSeen("WDS", WDS_SET_IP_FAMILY), "each bound to its family");
        assertEquals(0, modem.statistics().connectRequestsWhileUp(), "the IPv6 call is no duplicate connect");
        AgentHarness.until("both families applied", () -> agent.ip.calls.contains("apply(emu0,"
                + emulated.ipv4().address() + "/" + emulated.ipv4().prefix() + "+" + emulated.ipv6().address() + "/"
                + emulated.ipv6().prefix() + ",mtu=0,metric=100)"));
    }

    @Test
    void ipv6AloneOverQmi() throws Exception {
        EmulatedModem modem = e2e.startModem(EmulatedProtocol.QMI);
        AgentHarness agent = startAgentAsking("ipv6");

        ModemStatus m = agent.awaitModem("connected over IPv6", s -> connected(s)
                && s.info().bearer().ipv6() != null);
        assertNull(m.info().bearer().ipv4());
        assertEquals(modem.state().bearer().ipv6().address(), m.info().bearer().ipv6().address());
        assertEquals(EmulatedIpType.IPV6, modem.state().bearer().ipType());
    }

    @Test
    void dualStackOverMbimIsOneConnect() throws Exception {
        EmulatedModem modem = e2e.startModem(EmulatedProtocol.MBIM);
        AgentHarness agent = startAgentAsking("ipv4v6");

        ModemStatus m = agent.awaitModem("connected with both families", DataPathEndToEndTest::bothFamiliesUp);
        var emulated = modem.state().bearer();
        assertEquals(EmulatedIpType.IPV4V6, emulated.ipType());
        assertEquals(emulated.ipv4().address(), m.info().bearer().ipv4().address());
        assertEquals(emulated.ipv6().address(), m.info().bearer().ipv6().address());
        assertEquals(emulated.ipv6().dns(), m.info().bearer().ipv6().dns());
        assertEquals(DataFormat.RAW_IP, m.info().bearer().dataFormat(), "MBIM carries raw IP, and says so like QMI");
        assertEquals(1, modem.statistics().connectRequests(), "one Connect brings both families up");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // replaced atomically; the next look sees the new one
        }
    }

    private static String qmicli(Path device, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("timeout", "--signal=INT", "--kill-after=3", "20",
                "qmicli", "-d", device.toString(), "--device-open-qmi"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "qmicli did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        assertNotNull(text);
        return text;
    }
}
