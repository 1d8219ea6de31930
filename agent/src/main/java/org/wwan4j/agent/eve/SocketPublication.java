package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.linux.SeqPacketSocket;

/**
 * One topic served on its pubsub socket, as EVE's socketdriver publisher serves it: subscribers (NIM, zedagent,
 * zedrouter) connect to {@code <agent>/<Topic>.sock} under the run directory and get the topic's items and every
 * later change (see {@link PubSubProtocol}). A thread accepts connections; each subscriber has its own
 * {@link SubscriberSession} thread. Publishing never blocks on a subscriber.
 */
final class SocketPublication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketPublication.class);

    private static final int BACKLOG = 16;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Path path;
    private final String topic;
    private final SeqPacketSocket listener;
    private final PublishedItems items = new PublishedItems();
    private final Set<SubscriberSession> sessions = new HashSet<>();
    private final Set<Thread> sessionThreads = new HashSet<>();
    private final Thread acceptor;
    private boolean closed;

    private SocketPublication(Path path, String topic, SeqPacketSocket listener) {
        this.path = path;
        this.topic = topic;
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().name("eve-pubsub-" + topic).daemon().unstarted(this::acceptLoop);
    }

    /**
     * Listens at {@code path}. A socket file left there by an earlier run is replaced; one that still answers
     * belongs to a running publisher, and taking it over would cut its subscribers off: that fails, as in EVE.
     */
    static SocketPublication open(Path path, String topic) throws IOException {
        Files.createDirectories(path.getParent());
        if (Files.exists(path)) {
            boolean alive;
            try (SeqPacketSocket probe = SeqPacketSocket.connect(path)) {
                alive = true;
            } catch (IOException e) {
                alive = false;
            }
            if (alive) {
                throw new IOException("another publisher is serving " + path);
            }
            Files.delete(path);
        }
        SocketPublication publication = new SocketPublication(path, topic, SeqPacketSocket.listen(path, BACKLOG));
        publication.acceptor.start();
        return publication;
    }

    /**
     * Sets an item and tells every subscriber. An item too large for one message is refused (as EVE's
     * CheckMaxSize refuses it): false, and subscribers keep the previous value.
     */
    boolean publish(String key, byte[] value) {
        if (!PubSubProtocol.fits(topic, key, value)) {
            return false;
        }
        items.put(key, value.clone());
        return true;
    }

    void unpublish(String key) {
        items.remove(key);
    }

    private void acceptLoop() {
        try (listener) {
            while (true) {
                SeqPacketSocket connection;
                try {
                    connection = listener.accept();
                } catch (IOException e) {
                    if (!isClosed()) {
                        LOG.warn("pubsub {}: cannot accept subscribers any more: {}", topic, e.getMessage());
                    }
                    return;
                }
                if (!startSession(connection)) {
                    connection.close();
                    return;
                }
            }
        }
    }

    private synchronized boolean startSession(SeqPacketSocket connection) {
        if (closed) {
            return false;
        }
        SubscriberSession session = new SubscriberSession(connection, topic, items);
        Thread thread = Thread.ofPlatform().name("eve-pubsub-" + topic + "-subscriber").daemon().unstarted(() -> {
            try {
                session.run();
            } finally {
                ended(session);
            }
        });
        sessions.add(session);
        sessionThreads.add(thread);
        thread.start();
        return true;
    }

    private synchronized void ended(SubscriberSession session) {
        sessions.remove(session);
        sessionThreads.remove(Thread.currentThread());
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops accepting, ends every session and removes the socket file. */
    @Override
    public void close() {
        Set<Thread> threads;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            items.close();
            listener.shutdown();
            sessions.forEach(SubscriberSession::shutdown);
            threads = new HashSet<>(sessionThreads);
        }
        threads.add(acceptor);
        try {
            for (Thread thread : threads) {
                if (!thread.join(CLOSE_TIMEOUT)) {
                    LOG.warn("pubsub {}: {} did not stop within {}", topic, thread.getName(), CLOSE_TIMEOUT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("pubsub {}: cannot remove {}: {}", topic, path, e.getMessage());
        }
    }
}
