package org.wwan4j.agent.eve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A topic served on its pubsub socket, seen by a subscriber that speaks EVE's socketdriver protocol. */
@Timeout(60)
class SocketPublicationTest {

    /** Generous: a loaded machine; nothing here asserts how fast anything is. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "WwanStatus";

    @TempDir
    Path dir;

    private SocketPublication publication;

    @AfterEach
    void close() {
        if (publication != null) {
            publication.close();
        }
    }

    private Path socket() {
        return dir.resolve("wwan").resolve(TOPIC + ".sock");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSubscriberGetsHelloTheCurrentItemsCompleteAndThenEachChange() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        publication.publish("global", utf8("{\"Networks\":null,\"DPCKey\":\"with spaces\"}"));

        try (PubSubTestSubscriber subscriber = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            assertEquals(new PubSubTestSubscriber.Message("hello", TOPIC, null, "false"), subscriber.next(WAIT),
                    "not persistent: our topics live in /run");
            assertEquals(new PubSubTestSubscriber.Message("update", TOPIC, "global",
                    "{\"Networks\":null,\"DPCKey\":\"with spaces\"}"), subscriber.next(WAIT));
            assertEquals("complete", subscriber.next(WAIT).verb());

            publication.publish("global", utf8("{\"Networks\":[]}"));
            assertEquals(new PubSubTestSubscriber.Message("update", TOPIC, "global", "{\"Networks\":[]}"),
                    subscriber.next(WAIT));

            publication.unpublish("global");
            assertEquals(new PubSubTestSubscriber.Message("delete", TOPIC, "global", null), subscriber.next(WAIT));
            assertEquals(Map.of(), subscriber.items());
        }
    }

    @Test
    void aSubscriberBeforeTheFirstValueIsInSyncWithNothingThenGetsIt() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        try (PubSubTestSubscriber subscriber = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            assertEquals(Map.of(), subscriber.awaitSync(WAIT));

            publication.publish("global", utf8("{}"));
            assertEquals("update", subscriber.next(WAIT).verb());
            assertEquals(Map.of("global", "{}"), subscriber.items());
        }
    }

    @Test
    void everySubscriberGetsTheItems() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        publication.publish("global", utf8("{\"a\":1}"));
        try (PubSubTestSubscriber first = PubSubTestSubscriber.subscribe(socket(), TOPIC);
                PubSubTestSubscriber second = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            assertEquals(Map.of("global", "{\"a\":1}"), first.awaitSync(WAIT));
            assertEquals(Map.of("global", "{\"a\":1}"), second.awaitSync(WAIT));
        }
    }

    @Test
    void aSlowSubscriberEndsWithTheLatestValue() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        try (PubSubTestSubscriber subscriber = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            subscriber.awaitSync(WAIT);
            for (int i = 1; i <= 200; i++) {
                publication.publish("global", utf8("{\"n\":" + i + "}"));
            }
            // Changes coalesce while the session sends; each one received is newer than the one before.
            int last = 0;
            while (last < 200) {
                PubSubTestSubscriber.Message update = subscriber.next(WAIT);
                int n = Integer.parseInt(update.value().replaceAll("\\D", ""));
                assertTrue(n > last, "update " + n + " after " + last);
                last = n;
            }
        }
    }

    @Test
    void aRequestForAnotherTopicIsTurnedAway() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        try (PubSubTestSubscriber wrong = PubSubTestSubscriber.subscribe(socket(), "WwanMetrics")) {
            assertNull(wrong.next(WAIT), "the publisher closes the connection without a hello");
        }
    }

    @Test
    void anItemTooLargeForOneMessageIsRefusedAndTheOldOneStays() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        publication.publish("global", utf8("{}"));
        assertFalse(publication.publish("global", new byte[60_000]), "base64 makes it longer than 65535 bytes");
        try (PubSubTestSubscriber subscriber = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            assertEquals(Map.of("global", "{}"), subscriber.awaitSync(WAIT));
        }
    }

    @Test
    void aLeftOverSocketFileIsReplacedButALivePublisherIsNotTakenOver() throws IOException {
        Files.createDirectories(socket().getParent());
        Files.createFile(socket()); // what a crashed run leaves: nothing answers there
        publication = SocketPublication.open(socket(), TOPIC);

        IOException taken = assertThrows(IOException.class, () -> SocketPublication.open(socket(), TOPIC));
        assertTrue(taken.getMessage().contains("another publisher"), taken.getMessage());
        try (PubSubTestSubscriber subscriber = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            subscriber.awaitSync(WAIT);
        }
    }

    @Test
    void closingEndsEverySubscriptionAndRemovesTheSocket() throws IOException {
        publication = SocketPublication.open(socket(), TOPIC);
        try (PubSubTestSubscriber subscriber = PubSubTestSubscriber.subscribe(socket(), TOPIC)) {
            subscriber.awaitSync(WAIT);
            publication.close();
            assertNull(subscriber.next(WAIT), "the connection ends");
        }
        assertFalse(Files.exists(socket()));
    }
}
