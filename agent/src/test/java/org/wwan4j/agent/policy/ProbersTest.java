package org.wwan4j.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.IpSettings;

@Timeout(30)
class ProbersTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void tcpProbeSucceedsWhenSomethingListensAndNamesTheTargetWhenNot() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            TcpProber ok = new TcpProber(new InetSocketAddress(LOOPBACK, server.getLocalPort()), Duration.ofSeconds(5));
            assertEquals(Optional.empty(), ok.probe("lo", LOOPBACK));
        }
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = gone.getLocalPort();
        }
        Optional<String> error = new TcpProber(new InetSocketAddress(LOOPBACK, closedPort), Duration.ofSeconds(5))
                .probe("lo", LOOPBACK);
        assertTrue(error.orElseThrow().startsWith("tcp "), error.toString());
    }

    @Test
    void icmpProbeRunsPingBoundToTheInterfaceOnce(@TempDir Path dir) throws Exception {
        assertEquals(List.of("ping", "-I", "wwan0", "-c", "1", "-W", "5", "8.8.8.8"),
                new IcmpProber("8.8.8.8").commandLine("wwan0"));
        Path args = dir.resolve("args");
        Path fakePing = script(dir.resolve("ping-ok"), "echo \"$@\" > " + args + "\nexit 0");
        assertEquals(Optional.empty(), new IcmpProber(fakePing.toString(), "1.1.1.1").probe("wwan0", null));
        assertEquals("-I wwan0 -c 1 -W 5 1.1.1.1", Files.readString(args).strip());

        Path failingPing = script(dir.resolve("ping-fail"), "exit 1");
        assertEquals(Optional.of("ping 1.1.1.1: no reply (exit 1)"),
                new IcmpProber(failingPing.toString(), "1.1.1.1").probe("wwan0", null));
    }

    @Test
    void dnsProbeAcceptsAnyReplyWithItsId() throws Exception {
        assertEquals(Optional.empty(), probeAnsweredBy(false));
    }

    @Test
    void dnsProbeSkipsAReplyWithAnotherIdAndTakesItsOwn() throws Exception {
        assertEquals(Optional.empty(), probeAnsweredBy(true));
    }

    /** One probe of a loopback server that answers the query (after a reply to another id, if {@code strayFirst}). */
    private static Optional<String> probeAnsweredBy(boolean strayFirst) throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, LOOPBACK)) {
            Thread responder = Thread.ofVirtual().start(() -> {
                try {
                    byte[] buffer = new byte[512];
                    DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                    server.receive(query);
                    if (strayFirst) {
                        byte[] stray = java.util.Arrays.copyOf(query.getData(), query.getLength());
                        stray[0] ^= 0x55; // another query's id
                        stray[2] |= (byte) 0x80;
                        server.send(new DatagramPacket(stray, stray.length, query.getSocketAddress()));
                    }
                    byte[] reply = java.util.Arrays.copyOf(query.getData(), query.getLength());
                    reply[2] |= (byte) 0x80; // QR: this is a response
                    server.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                } catch (Exception e) {
                    // the probe reports the missing reply
                }
            });
            DnsProber prober = new DnsProber(new InetSocketAddress(LOOPBACK, server.getLocalPort()),
                    Duration.ofSeconds(5));
            Optional<String> result = prober.probe("lo", LOOPBACK);
            responder.join();
            return result;
        }
    }

    @Test
    void dnsProbeWithoutAReplyNamesTheServerAndItsWait() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, LOOPBACK)) {
            InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                    silent.getLocalPort());
            DnsProber prober = new DnsProber(server, Duration.ofMillis(300));
            assertEquals(Optional.of("dns 127.0.0.1: no reply within 300 ms"), prober.probe("lo", LOOPBACK));
        }
    }

    @Test
    void dnsProbeFromASourceOfTheOtherFamilySaysSo() throws Exception {
        DnsProber prober = new DnsProber(new InetSocketAddress(InetAddress.getByName("::1"), DnsProber.DNS_PORT),
                Duration.ofSeconds(1));
        Optional<String> error = prober.probe("lo", InetAddress.getByName("127.0.0.1"));
        assertTrue(error.orElseThrow().contains("source 127.0.0.1 is not of the address family of"), error.get());
    }

    @Test
    void dnsProbeOfAnUnresolvedServerSaysSo() {
        DnsProber prober = new DnsProber(InetSocketAddress.createUnresolved("dns.invalid", DnsProber.DNS_PORT),
                Duration.ofSeconds(1));
        assertEquals(Optional.of("dns dns.invalid: not resolved"), prober.probe("lo", LOOPBACK));
    }

    @Test
    void dnsQueryIsForTheRootARecord() {
        byte[] q = DnsProber.query(0x1234);
        assertEquals(17, q.length);
        assertEquals(0x12, q[0]);
        assertEquals(0x34, q[1]);
        assertTrue(DnsProber.isReplyTo(new byte[] {0x12, 0x34, (byte) 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0}, 12, 0x1234));
        assertTrue(!DnsProber.isReplyTo(q, q.length, 0x1234), "a query is not a reply");
    }

    @Test
    void planTriesTheNetworksDnsServersBeforeTheUserProbe() {
        BearerSettings settings = new BearerSettings(
                new IpSettings("10.0.0.2", 30, "10.0.0.1", List.of("10.0.0.53", "10.0.0.54"), 1500), null);
        List<Prober> plan = ProbePolicy.plan(new ProbeConfig(ProbeMethod.TCP, "192.0.2.1", 443, 300), settings);
        assertEquals(List.of("dns 10.0.0.53", "dns 10.0.0.54", "tcp 192.0.2.1:443"),
                plan.stream().map(Object::toString).toList());
        assertEquals(List.of("dns 10.0.0.53", "dns 10.0.0.54", "icmp 8.8.8.8"),
                ProbePolicy.plan(ProbeConfig.DEFAULT, settings).stream().map(Object::toString).toList());
        assertTrue(ProbePolicy.plan(new ProbeConfig(ProbeMethod.NONE, null, null, 300), settings).isEmpty());
    }

    @Test
    void planTriesTheNetworksProxiesBeforeItsDnsServers() {
        BearerSettings settings = new BearerSettings(
                new IpSettings("10.0.0.2", 30, "10.0.0.1", List.of("10.0.0.53"), 1500), null);
        ProbeConfig probe = new ProbeConfig(ProbeMethod.ICMP, "9.9.9.9", null, 300, List.of(
                new InetSocketAddress(InetAddress.ofLiteral("10.1.0.8"), 3128),
                new InetSocketAddress(InetAddress.ofLiteral("10.1.0.9"), 8080)));
        assertEquals(List.of("tcp 10.1.0.8:3128", "tcp 10.1.0.9:8080", "dns 10.0.0.53", "icmp 9.9.9.9"),
                ProbePolicy.plan(probe, settings).stream().map(Object::toString).toList());
        assertTrue(ProbePolicy.plan(new ProbeConfig(ProbeMethod.NONE, null, null, 300, probe.proxies()), settings)
                .isEmpty(), "a disabled probe tries nothing");
    }

    private static Path script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
