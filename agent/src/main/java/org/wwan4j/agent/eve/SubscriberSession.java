package org.wwan4j.agent.eve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.linux.SeqPacketSocket;

/**
 * Serves one subscriber connected to a topic's socket, on its own thread: checks its request, answers hello, sends
 * every current item and complete, then one update or delete per changed item for as long as the connection lasts.
 * It remembers what it sent, so a subscriber gets each change once, however the publisher's changes coalesce.
 */
final class SubscriberSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberSession.class);

    private final SeqPacketSocket connection;
    private final String topic;
    private final PublishedItems items;
    private final Map<String, byte[]> sent = new HashMap<>();

    SubscriberSession(SeqPacketSocket connection, String topic, PublishedItems items) {
        this.connection = connection;
        this.topic = topic;
        this.items = items;
    }

    /** Ends the session from another thread: a blocked send fails and the thread leaves. */
    void shutdown() {
        connection.shutdown();
    }

    @Override
    public void run() {
        try (connection) {
            byte[] request = connection.receive(PubSubProtocol.MAX_REQUEST - 1);
            if (request == null || !PubSubProtocol.isRequestFor(request, topic)) {
                LOG.debug("pubsub {}: a subscriber did not request this topic; closing", topic);
                return;
            }
            connection.send(PubSubProtocol.hello(topic));
            // Waiting from the snapshot's version: a change made after the snapshot is never missed.
            PublishedItems.Snapshot snapshot = items.snapshot();
            sendChanges(snapshot);
            connection.send(PubSubProtocol.complete(topic));
            while ((snapshot = items.awaitNewerThan(snapshot.version())) != null) {
                sendChanges(snapshot);
            }
        } catch (IOException e) {
            // The subscriber went away (or we are closing): nothing to keep.
            LOG.debug("pubsub {}: subscriber gone: {}", topic, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendChanges(PublishedItems.Snapshot snapshot) throws IOException {
        for (Map.Entry<String, byte[]> item : snapshot.items().entrySet()) {
            if (!Arrays.equals(sent.get(item.getKey()), item.getValue())) {
                connection.send(PubSubProtocol.update(topic, item.getKey(), item.getValue()));
                sent.put(item.getKey(), item.getValue());
            }
        }
        List<String> gone = new ArrayList<>();
        for (String key : sent.keySet()) {
            if (!snapshot.items().containsKey(key)) {
                gone.add(key);
            }
        }
        for (String key : gone) {
            connection.send(PubSubProtocol.delete(topic, key));
            sent.remove(key);
        }
    }
}
