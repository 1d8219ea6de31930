package org.wwan4j.agent.eve;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The publisher's messages of EVE's pubsub socket protocol ({@code pkg/pillar/pubsub/socketdriver}). Each message is
 * one packet of space-separated ASCII words, the verb first and the topic second (a check for the subscriber):
 * <pre>
 *   request  &lt;topic&gt;                        subscriber to publisher, once after connecting
 *   hello    &lt;topic&gt; &lt;persistent&gt;           the answer; persistent is "true" or "false"
 *   update   &lt;topic&gt; &lt;key&gt; &lt;value&gt;          one item added or changed
 *   delete   &lt;topic&gt; &lt;key&gt;                  one item gone
 *   complete &lt;topic&gt;                        after the initial items: the subscriber is now in sync
 * </pre>
 * Keys and values (the item's JSON) are standard base64 with padding, since they may contain spaces. The
 * publisher sends hello, one update per item, complete, then an update or delete for each later change.
 * ({@code restarted <topic> <count>} exists too; EVE's wwan agent never signals a restart, so neither do we.)
 */
final class PubSubProtocol {

    /** A message of this many bytes or more is never sent: EVE's subscriber reads into a buffer of this size. */
    static final int MAX_MESSAGE = 65535;
    /** The publisher reads the request into a buffer of this size; a request filling it counts as truncated. */
    static final int MAX_REQUEST = 256;

    private PubSubProtocol() {
    }

    static byte[] request(String topic) {
        return ascii("request " + topic);
    }

    /** Whether {@code message} is the request for exactly this topic. */
    static boolean isRequestFor(byte[] message, String topic) {
        return new String(message, StandardCharsets.UTF_8).equals("request " + topic);
    }

    /** Our publications live in /run, not /persist: never persistent. */
    static byte[] hello(String topic) {
        return ascii("hello " + topic + " false");
    }

    static byte[] update(String topic, String key, byte[] value) {
        return ascii("update " + topic + " " + base64(key.getBytes(StandardCharsets.UTF_8)) + " " + base64(value));
    }

    static byte[] delete(String topic, String key) {
        return ascii("delete " + topic + " " + base64(key.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] complete(String topic) {
        return ascii("complete " + topic);
    }

    /** Whether the update of this item would fit in one message. */
    static boolean fits(String topic, String key, byte[] value) {
        return update(topic, key, value).length < MAX_MESSAGE;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] ascii(String message) {
        return message.getBytes(StandardCharsets.US_ASCII);
    }
}
