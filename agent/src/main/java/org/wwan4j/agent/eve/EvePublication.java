package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.glib.DurableFile;

/**
 * One of our pubsub topics, published both ways EVE's socketdriver publishes it: the item's JSON as the topic's
 * {@code global.json} (replaced atomically: write a temporary file, rename it over), and the same bytes to the
 * subscribers on the topic's socket. Nothing is written or sent when the value did not change.
 */
final class EvePublication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvePublication.class);

    /** mmagent publishes each topic as one item under this key. */
    static final String KEY = "global";

    private final String topic;
    private final Path file;
    private final SocketPublication socket;
    /** Per item key: the JSON last sent to subscribers, last written, and the last file error logged. */
    private final Map<String, String> sent = new HashMap<>();
    private final Map<String, String> written = new HashMap<>();
    private final Map<String, String> lastFileError = new HashMap<>();

    private EvePublication(String topic, Path file, SocketPublication socket) {
        this.topic = topic;
        this.file = file;
        this.socket = socket;
    }

    /**
     * Opens the topic's socket now, so that subscribers can connect before its first value.
     *
     * @param file the topic's {@code global.json} ({@link EveRoot#wwanStatus()}...); other items go beside it
     */
    static EvePublication open(EveRoot root, String topic, Path file) throws IOException {
        return new EvePublication(topic, file, SocketPublication.open(root.wwanSocket(topic), topic));
    }

    /** The topic's one item ({@link #KEY}), as mmagent publishes its wwan topics. */
    void publish(Map<String, Object> value) {
        publish(KEY, value);
    }

    /**
     * One item of the topic, as {@code <key>.json} beside {@code global.json}; Go's json.Marshal output: compact.
     * One caller at a time.
     */
    void publish(String key, Map<String, Object> value) {
        String json = JsonWriter.write(value, false);
        if (!json.equals(sent.get(key))) {
            sent.put(key, json);
            if (!socket.publish(key, json.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("{} is too large for a pubsub message ({} bytes); its subscribers keep the previous one",
                        topic, json.length());
            }
        }
        if (!json.equals(written.get(key))) {
            writeFile(key, json); // a failed write is tried again on the next call, changed or not
        }
    }

    private void writeFile(String key, String json) {
        if (key.isEmpty() || key.contains("/") || key.startsWith(".")) {
            // EVE's keys are names; one that is not cannot become a file name here (subscribers still get it).
            if (!Objects.equals(lastFileError.put(key, "bad key"), "bad key")) {
                LOG.warn("{} item \"{}\" is not written to a file: its key is not a file name", topic, key);
            }
            return;
        }
        Path itemFile = file.resolveSibling(key + ".json");
        try {
            DurableFile.write(itemFile, json, DurableFile.WORLD_READABLE);
            written.put(key, json);
            lastFileError.remove(key);
        } catch (IOException e) {
            // Once per distinct problem; the next change tries again.
            if (!Objects.equals(lastFileError.put(key, e.toString()), e.toString())) {
                LOG.warn("cannot publish {}: {}", itemFile, e.toString());
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
