package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private String sent;
    private String written;
    private String lastFileError;

    private EvePublication(String topic, Path file, SocketPublication socket) {
        this.topic = topic;
        this.file = file;
        this.socket = socket;
    }

    /**
     * Opens the topic's socket now, so that subscribers can connect before its first value.
     *
     * @param file the topic's {@code global.json} ({@link EveRoot#wwanStatus()}...)
     */
    static EvePublication open(EveRoot root, String topic, Path file) throws IOException {
        return new EvePublication(topic, file, SocketPublication.open(root.wwanSocket(topic), topic));
    }

    /** Go's json.Marshal output: compact. One caller at a time. */
    void publish(Map<String, Object> value) {
        String json = JsonWriter.write(value, false);
        if (!json.equals(sent)) {
            sent = json;
            if (!socket.publish(KEY, json.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("{} is too large for a pubsub message ({} bytes); its subscribers keep the previous one",
                        topic, json.length());
            }
        }
        if (!json.equals(written)) {
            writeFile(json); // a failed write is tried again on the next call, changed or not
        }
    }

    private void writeFile(String json) {
        try {
            DurableFile.write(file, json, DurableFile.WORLD_READABLE);
            written = json;
            lastFileError = null;
        } catch (IOException e) {
            // Once per distinct problem; the next change tries again.
            if (!Objects.equals(lastFileError, e.toString())) {
                LOG.warn("cannot publish {}: {}", file, e.toString());
            }
            lastFileError = e.toString();
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
