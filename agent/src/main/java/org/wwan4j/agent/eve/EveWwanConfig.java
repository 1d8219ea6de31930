package org.wwan4j.agent.eve;

import java.util.List;
import java.util.Optional;
import org.wwan4j.agent.config.AgentConfig;

/**
 * One accepted WwanConfig: the agent's config made from it, and what the EVE side keeps to echo back.
 *
 * @param dpcKey            echoed in status
 * @param dpcTimestamp      echoed in status, as written by NIM
 * @param rsConfigTimestamp echoed in status once every radio is in the requested state
 * @param networks          per configured network, in config order
 * @param agentConfig       what the agent runs
 */
record EveWwanConfig(String dpcKey, String dpcTimestamp, String rsConfigTimestamp, List<EveNetwork> networks,
        AgentConfig agentConfig) {

    /** Before any WwanConfig: nothing to echo, nothing configured. */
    static final EveWwanConfig NONE = new EveWwanConfig("", GoFields.ZERO_TIME, GoFields.ZERO_TIME, List.of(),
            AgentConfig.EMPTY);

    EveWwanConfig {
        networks = List.copyOf(networks);
    }

    boolean radioSilence() {
        return agentConfig.radioSilence();
    }

    Optional<EveNetwork> network(String label) {
        return networks.stream().filter(n -> n.logicalLabel().equals(label)).findFirst();
    }
}
