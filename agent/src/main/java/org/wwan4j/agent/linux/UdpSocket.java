package org.wwan4j.agent.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * A UDP socket through libc, for the connectivity probe's DNS query. {@code java.net.DatagramSocket} would bring
 * NIO's datagram channel, libnio and their classes into the agent the first time a probe runs, and the pages they
 * touch come back with every probe after a memory trim; the agent has libc's socket calls linked already (netlink,
 * uevents). One socket of the address family it is opened for, optionally bound to a source address.
 */
public final class UdpSocket implements AutoCloseable {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int SOCKADDR_IN_BYTES = 16;
    private static final int SOCKADDR_IN6_BYTES = 28;
    private static final ValueLayout.OfShort NETWORK_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int MAX_DATAGRAM = 65_535;

    private final int fd;
    private final boolean ipv6;
    private boolean closed;

    private UdpSocket(int fd, boolean ipv6) {
        this.fd = fd;
        this.ipv6 = ipv6;
    }

    /**
     * A socket for talking to {@code peer}'s address family, bound to {@code source} (port chosen by the kernel) when
     * it is not null.
     *
     * @throws IOException naming the call that failed, or a source of the other address family
     */
    public static UdpSocket open(InetAddress peer, InetAddress source) throws IOException {
        boolean ipv6 = peer instanceof Inet6Address;
        if (source != null && (source instanceof Inet6Address) != ipv6) {
            throw new IOException("source " + source.getHostAddress() + " is not of the address family of "
                    + peer.getHostAddress());
        }
        int fd = (int) Libc.socket(ipv6 ? AF_INET6 : AF_INET, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0)
                .orThrow("socket");
        UdpSocket socket = new UdpSocket(fd, ipv6);
        if (source != null) {
            try (Arena arena = Arena.ofConfined()) {
                Libc.bind(fd, socketAddress(arena, source, 0)).orThrow("bind to " + source.getHostAddress());
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
        return socket;
    }

    /** Sends one datagram to {@code target}, which must be of this socket's family. */
    public void send(byte[] datagram, InetSocketAddress target) throws IOException {
        InetAddress address = target.getAddress();
        if (address == null) {
            throw new IOException(target.getHostString() + " is not resolved");
        }
        if ((address instanceof Inet6Address) != ipv6) {
            throw new IOException(address.getHostAddress() + " is not of this socket's address family");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(datagram.length);
            MemorySegment.copy(datagram, 0, buffer, ValueLayout.JAVA_BYTE, 0, datagram.length);
            Libc.sendTo(fd, buffer, datagram.length, socketAddress(arena, address, target.getPort()))
                    .orThrow("sendto " + address.getHostAddress());
        }
    }

    /**
     * Waits at most {@code timeout} for a datagram and copies it into {@code buffer} (a longer one is cut).
     *
     * @return its length, or -1 if none came in time (or a signal cut the wait short: the caller's deadline decides)
     */
    public int receive(byte[] buffer, Duration timeout) throws IOException {
        // Rounded up: a caller's last fraction of a millisecond must wait, not spin through poll(0) until it is gone.
        long nanos = Math.max(0, timeout.toNanos());
        int millis = (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
        Libc.Result ready = Libc.pollIn(fd, millis);
        if (ready.interrupted() || ready.orThrow("poll") == 0) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment datagram = arena.allocate(Math.min(Math.max(buffer.length, 1), MAX_DATAGRAM));
            Libc.Result received = Libc.recv(fd, datagram, Libc.MSG_DONTWAIT);
            if (received.failed() && received.errno() == Libc.EAGAIN) {
                return -1; // readable, but the datagram was dropped (a bad checksum) before we read it
            }
            int length = (int) Math.min(received.orThrow("recv"), buffer.length);
            MemorySegment.copy(datagram, ValueLayout.JAVA_BYTE, 0, buffer, 0, length);
            return length;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    /** A {@code struct sockaddr_in} or {@code sockaddr_in6}: family in host order, port in network order. */
    static MemorySegment socketAddress(Arena arena, InetAddress address, int port) {
        byte[] raw = address.getAddress();
        boolean v6 = raw.length == 16;
        MemorySegment sockaddr = arena.allocate(v6 ? SOCKADDR_IN6_BYTES : SOCKADDR_IN_BYTES, 4); // zeroed
        sockaddr.set(ValueLayout.JAVA_SHORT, 0, (short) (v6 ? AF_INET6 : AF_INET));
        sockaddr.set(NETWORK_SHORT, 2, (short) port);
        // sockaddr_in6: flow info (4 bytes, zero), the address at 8, the scope id at 24
        MemorySegment.copy(raw, 0, sockaddr, ValueLayout.JAVA_BYTE, v6 ? 8 : 4, raw.length);
        if (v6) {
            sockaddr.set(ValueLayout.JAVA_INT, 24, ((Inet6Address) address).getScopeId());
        }
        return sockaddr;
    }
}
