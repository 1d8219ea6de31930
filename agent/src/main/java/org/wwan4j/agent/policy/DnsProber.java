package org.wwan4j.agent.policy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.wwan4j.agent.linux.UdpSocket;

/**
 * Asks a DNS server for the root (".") A record, as the reference agent does: any well-formed reply with our
 * query id proves the path works, whatever the answer. Through {@link UdpSocket} (libc), not java.net: see there.
 */
public final class DnsProber implements Prober {

    public static final int DNS_PORT = 53;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int HEADER_BYTES = 12;

    private final InetSocketAddress server;
    private final Duration timeout;

    public DnsProber(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** Header (id, RD flag, one question) + root name + type A + class IN. */
    static byte[] query(int id) {
        return new byte[] {(byte) (id >> 8), (byte) id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1};
    }

    static boolean isReplyTo(byte[] data, int length, int id) {
        return length >= HEADER_BYTES && (data[0] & 0xff) == ((id >> 8) & 0xff) && (data[1] & 0xff) == (id & 0xff)
                && (data[2] & 0x80) != 0;
    }

    @Override
    public Optional<String> probe(String interfaceName, InetAddress source) {
        if (server.getAddress() == null) {
            return Optional.of("dns " + server.getHostString() + ": not resolved");
        }
        int id = ThreadLocalRandom.current().nextInt(1 << 16);
        byte[] query = query(id);
        try (UdpSocket socket = UdpSocket.open(server.getAddress(), source)) {
            socket.send(query, server);
            byte[] buffer = new byte[512];
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                int length = socket.receive(buffer, Duration.ofNanos(left));
                if (length >= 0 && isReplyTo(buffer, length, id)) {
                    return Optional.empty();
                }
            }
            return Optional.of("dns " + server.getHostString() + ": no reply within " + readable(timeout));
        } catch (IOException e) {
            return Optional.of("dns " + server.getHostString() + ": " + e.getMessage());
        }
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public String toString() {
        return "dns " + server.getHostString();
    }
}
