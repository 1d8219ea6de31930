package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.glib.DurableFile;

/**
 * Publishes the agent's status as EVE's three wwan topics, each as its {@code global.json}, replaced atomically as
 * EVE's own publisher does (write a temporary file, rename it over). A topic is written only when its content
 * changed: status on every change of what it shows, metrics only when a counter or signal value moved (mmagent's
 * "publish only if updated"), location only with a complete fix.
 */
final class EvePublisher implements AgentListener {

    private static final Logger LOG = LoggerFactory.getLogger(EvePublisher.class);

    private final EveRoot root;
    private final WwanConfigReader config;
    private final WwanStatusEncoder statusEncoder;
    private final WwanMetricsEncoder metricsEncoder;
    private final RadioSilenceEcho radioSilence = new RadioSilenceEcho();
    private final Map<Path, String> written = new HashMap<>();
    private final Map<Path, String> lastErrors = new HashMap<>();

    EvePublisher(EveRoot root, WwanConfigReader config, PhysAddrsLookup phys) {
        this.root = root;
        this.config = config;
        this.statusEncoder = new WwanStatusEncoder(phys);
        this.metricsEncoder = new WwanMetricsEncoder(phys);
    }

    /** On the agent's thread, one call at a time. */
    @Override
    public synchronized void statusChanged(AgentStatus status) {
        EveWwanConfig current = config.current();
        String echo = radioSilence.update(status, current);
        publish(root.wwanStatus(), statusEncoder.encode(status, current, echo));
        publish(root.wwanMetrics(), metricsEncoder.encode(status, current));
        Map<String, Object> location = WwanLocationEncoder.encode(status, current);
        if (location != null) {
            publish(root.wwanLocationInfo(), location);
        }
    }

    /** Go's json.Marshal output: compact. */
    private void publish(Path file, Map<String, Object> value) {
        String json = JsonWriter.write(value, false);
        if (json.equals(written.get(file))) {
            return;
        }
        try {
            DurableFile.write(file, json, DurableFile.WORLD_READABLE);
            written.put(file, json);
            lastErrors.remove(file);
        } catch (IOException e) {
            // Once per distinct problem; the next change tries again.
            if (!Objects.equals(lastErrors.put(file, e.toString()), e.toString())) {
                LOG.warn("cannot publish {}: {}", file, e.toString());
            }
        }
    }
}
