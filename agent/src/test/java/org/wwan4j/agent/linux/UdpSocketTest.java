package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UdpSocketTest {

    @Test
    void socketAddressesAreLaidOutAsTheKernelReadsThem() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            byte[] v4 = UdpSocket.socketAddress(arena, InetAddress.getByName("10.1.2.3"), 53)
                    .toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(new byte[] {2, 0, 0, 53, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0}, v4);
            Inet6Address scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 7);
            byte[] v6 = UdpSocket.socketAddress(arena, scoped, 0x1234).toArray(ValueLayout.JAVA_BYTE);
            assertEquals(28, v6.length);
            assertArrayEquals(new byte[] {10, 0, 0x12, 0x34, 0, 0, 0, 0}, Arrays.copyOf(v6, 8));
            assertArrayEquals(scoped.getAddress(), Arrays.copyOfRange(v6, 8, 24));
            assertArrayEquals(new byte[] {7, 0, 0, 0}, Arrays.copyOfRange(v6, 24, 28));
        }
    }

    @Test
    void aDatagramGoesOutFromTheSourceAndItsAnswerComesBack() throws Exception {
        exchange(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void theSameOverIpv6() throws Exception {
        InetAddress loopback6 = InetAddress.getByName("::1");
        try (DatagramSocket probe = new DatagramSocket(0, loopback6)) {
            assumeTrue(probe.getLocalPort() > 0);
        } catch (SocketException noIpv6) {
            assumeTrue(false, "no IPv6 loopback here: " + noIpv6.getMessage());
        }
        exchange(loopback6);
    }

    @Test
    void nothingToReadWithinTheWaitIsMinusOne() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (UdpSocket socket = UdpSocket.open(loopback, loopback)) {
            assertEquals(-1, socket.receive(new byte[16], Duration.ofMillis(50)));
        }
    }

    private static void exchange(InetAddress loopback) throws IOException, InterruptedException {
        try (DatagramSocket peer = new DatagramSocket(0, loopback);
             UdpSocket socket = UdpSocket.open(loopback, loopback)) {
            socket.send(new byte[] {1, 2, 3}, new InetSocketAddress(loopback, peer.getLocalPort()));
            DatagramPacket got = new DatagramPacket(new byte[16], 16);
            peer.receive(got);
            assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(got.getData(), got.getLength()));
            assertEquals(loopback, got.getAddress(), "sent from the source it was bound to");
            peer.send(new DatagramPacket(new byte[] {9, 8, 7, 6}, 4, got.getSocketAddress()));
            byte[] answer = new byte[2];
            assertEquals(2, socket.receive(answer, Duration.ofSeconds(10)), "cut to the buffer");
            assertArrayEquals(new byte[] {9, 8}, answer);
        }
    }
}
