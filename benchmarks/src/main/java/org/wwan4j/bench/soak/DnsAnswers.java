package org.wwan4j.bench.soak;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated network's DNS servers, as far as the agent's probe asks them: every query on port 53 of each address
 * gets its own header back marked as a response, which is all the probe checks (a well-formed reply with its id).
 * One daemon thread per address, blocked in receive; closing the sockets ends them.
 */
final class DnsAnswers implements AutoCloseable {

    static final int PORT = 53;
    private static final int HEADER_BYTES = 12;
    private static final int RESPONSE_FLAG = 0x80;

    private final List<DatagramSocket> sockets = new ArrayList<>();
    private final AtomicLong answered = new AtomicLong();

    /** Starts answering on port 53 of each address, which must be on an interface of this network namespace. */
    static DnsAnswers at(List<String> servers) throws IOException {
        return at(servers, PORT);
    }

    /** As {@link #at(List)} on {@code port} (0: any free one, see {@link #addresses()}). */
    static DnsAnswers at(List<String> servers, int port) throws IOException {
        DnsAnswers answers = new DnsAnswers();
        try {
            for (String server : servers) {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.ofLiteral(server), port));
                answers.sockets.add(socket);
                Thread.ofPlatform().daemon().name("soak-dns-" + server).start(() -> answers.serve(socket));
            }
        } catch (IOException | RuntimeException e) {
            answers.close();
            throw e;
        }
        return answers;
    }

    /** Where it answers, one address per server. */
    List<InetSocketAddress> addresses() {
        return sockets.stream().map(socket -> (InetSocketAddress) socket.getLocalSocketAddress()).toList();
    }

    /** The queries answered so far. */
    long answered() {
        return answered.get();
    }

    /** The reply to a query: the same bytes with the header's response flag set; null for what is no query. */
    static byte[] reply(byte[] query, int length) {
        if (length < HEADER_BYTES) {
            return null;
        }
        byte[] reply = java.util.Arrays.copyOf(query, length);
        reply[2] |= (byte) RESPONSE_FLAG;
        return reply;
    }

    private void serve(DatagramSocket socket) {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] reply = reply(query.getData(), query.getLength());
                if (reply != null) {
                    answered.incrementAndGet(); // before the send: whoever got the reply sees it counted
                    socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                }
            } catch (IOException closedOrFailed) {
                return; // closed: the soak is over; anything else: the probe will say it got no reply
            }
        }
    }

    @Override
    public void close() {
        sockets.forEach(DatagramSocket::close);
    }
}
