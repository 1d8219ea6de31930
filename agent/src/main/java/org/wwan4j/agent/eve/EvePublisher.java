package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.status.AgentStatus;

/**
 * Publishes the agent's status as EVE's three wwan topics, each to its {@code global.json} and its pubsub socket
 * ({@link EvePublication}), and mmagent's two cipher topics for encrypted credentials ({@link CipherFailures}).
 * A topic is published only when its content changed: status on every change of what it
 * shows, metrics only when a counter or signal value moved (mmagent's "publish only if updated"), location only
 * with a complete fix.
 */
final class EvePublisher implements AgentListener, AutoCloseable {

    static final String WWAN_STATUS = "WwanStatus";
    static final String WWAN_METRICS = "WwanMetrics";
    static final String WWAN_LOCATION_INFO = "WwanLocationInfo";
    static final String CIPHER_BLOCK_STATUS = "CipherBlockStatus";
    static final String CIPHER_METRICS = "CipherMetrics";

    private final WwanConfigReader config;
    private final WwanStatusEncoder statusEncoder;
    private final WwanMetricsEncoder metricsEncoder;
    private final RadioSilenceEcho radioSilence = new RadioSilenceEcho();
    private final List<EvePublication> opened = new ArrayList<>();
    private final EvePublication status;
    private final EvePublication metrics;
    private final EvePublication location;
    private final EvePublication cipherBlocks;
    private final EvePublication cipherMetrics;
    private final CipherFailures cipherFailures = new CipherFailures();
    private final Clock clock;
    /** The WwanConfig whose encrypted credentials were last accounted for. */
    private EveWwanConfig cipherSeen;

    /** Opens the topics' sockets: subscribers may connect from now on. */
    EvePublisher(EveRoot root, WwanConfigReader config, PhysAddrsLookup phys) throws IOException {
        this(root, config, phys, Clock.systemUTC());
    }

    /** @param clock the time of a decryption failure */
    EvePublisher(EveRoot root, WwanConfigReader config, PhysAddrsLookup phys, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.statusEncoder = new WwanStatusEncoder(phys);
        this.metricsEncoder = new WwanMetricsEncoder(phys);
        try {
            this.status = open(root, WWAN_STATUS, root.wwanStatus());
            this.metrics = open(root, WWAN_METRICS, root.wwanMetrics());
            this.location = open(root, WWAN_LOCATION_INFO, root.wwanLocationInfo());
            this.cipherBlocks = open(root, CIPHER_BLOCK_STATUS, root.cipherBlockStatus());
            this.cipherMetrics = open(root, CIPHER_METRICS, root.cipherMetrics());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private EvePublication open(EveRoot root, String topic, Path file) throws IOException {
        EvePublication publication = EvePublication.open(root, topic, file);
        opened.add(publication);
        return publication;
    }

    /** On the agent's thread, one call at a time. */
    @Override
    public synchronized void statusChanged(AgentStatus agentStatus) {
        EveWwanConfig current = config.current();
        String echo = radioSilence.update(agentStatus, current);
        status.publish(statusEncoder.encode(agentStatus, current, echo));
        metrics.publish(metricsEncoder.encode(agentStatus, current));
        Map<String, Object> fix = WwanLocationEncoder.encode(agentStatus, current);
        if (fix != null) {
            location.publish(fix);
        }
        if (current != cipherSeen) {
            cipherSeen = current;
            cipherFailures.configApplied(current.networks(), WwanNetworkConverter.ENCRYPTED_CREDENTIALS_ERROR,
                    clock.instant()).forEach(cipherBlocks::publish);
        }
        // From the first status on, zero counts included, as mmagent publishes its metrics.
        cipherMetrics.publish(cipherFailures.metrics());
    }

    /** After the agent stopped calling: closes the sockets, which ends every subscriber's connection. */
    @Override
    public synchronized void close() {
        opened.forEach(EvePublication::close);
    }
}
