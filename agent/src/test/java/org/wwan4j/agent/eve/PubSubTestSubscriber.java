package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wwan4j.agent.linux.SeqPacketSocket;

/**
 * A subscriber of EVE's pubsub socket protocol, written for the tests from the protocol's description (not from
 * our publisher's code): connect to the topic's socket, send {@code request <topic>}, then read one message per
 * packet — {@code hello <topic> <persistent>}, {@code update <topic> <base64 key> <base64 value>},
 * {@code delete <topic> <base64 key>}, {@code complete <topic>} — and keep the items as EVE's subscriber keeps
 * them.
 */
final class PubSubTestSubscriber implements AutoCloseable {

    /** EVE's subscriber reads into a buffer of this size; a packet filling it is taken as truncated. */
    private static final int BUFFER = 65536;

    /** One received message, decoded. */
    record Message(String verb, String topic, String key, String value) {
    }

    private final SeqPacketSocket socket;
    private final String topic;
    private final Map<String, String> items = new LinkedHashMap<>();

    private PubSubTestSubscriber(SeqPacketSocket socket, String topic) {
        this.socket = socket;
        this.topic = topic;
    }

    static PubSubTestSubscriber subscribe(Path socketPath, String topic) throws IOException {
        SeqPacketSocket socket = SeqPacketSocket.connect(socketPath);
        socket.send(("request " + topic).getBytes(StandardCharsets.US_ASCII));
        return new PubSubTestSubscriber(socket, topic);
    }

    /** The next message, applied to {@link #items()}; null when the publisher closed the connection. */
    Message next(Duration timeout) throws IOException {
        if (!socket.awaitReadable(timeout)) {
            throw new AssertionError("no message on " + topic + " within " + timeout);
        }
        byte[] packet = socket.receive(BUFFER - 1);
        if (packet == null) {
            return null;
        }
        String[] words = new String(packet, StandardCharsets.US_ASCII).split(" ");
        if (words.length < 2 || !words[1].equals(topic)) {
            throw new AssertionError("not a message of " + topic + ": " + String.join(" ", words));
        }
        Message message = switch (words[0]) {
            case "hello" -> new Message("hello", words[1], null, words.length > 2 ? words[2] : null);
            case "complete" -> new Message("complete", words[1], null, null);
            case "update" -> {
                if (words.length != 4) {
                    throw new AssertionError("update of " + words.length + " words");
                }
                yield new Message("update", words[1], decode(words[2]), decode(words[3]));
            }
            case "delete" -> new Message("delete", words[1], decode(words[2]), null);
            default -> throw new AssertionError("unknown message " + words[0]);
        };
        switch (message.verb()) {
            case "update" -> items.put(message.key(), message.value());
            case "delete" -> items.remove(message.key());
            default -> {
            }
        }
        return message;
    }

    /** Reads hello, then the initial items up to complete; returns them. */
    Map<String, String> awaitSync(Duration timeout) throws IOException {
        Message hello = next(timeout);
        if (hello == null || !hello.verb().equals("hello")) {
            throw new AssertionError("expected hello, got " + hello);
        }
        Message message;
        while ((message = next(timeout)) != null && !message.verb().equals("complete")) {
            if (!message.verb().equals("update")) {
                throw new AssertionError("expected update or complete during the sync, got " + message);
            }
        }
        if (message == null) {
            throw new AssertionError("connection closed before complete");
        }
        return items();
    }

    Map<String, String> items() {
        return Map.copyOf(items);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        socket.close();
    }
}
