package org.wwan4j.agent.eve;

import org.wwan4j.agent.status.AgentStatus;

/**
 * When to echo a WwanConfig's RSConfigTimestamp. NIM takes a radio-silence request (on or off) as carried out once
 * status carries a timestamp at least the request's; echoing it only when the agent reports every present radio in
 * the requested state (its own confirmed timestamp) means the echo is never ahead of the radios. Until then the
 * previous echo stays.
 */
final class RadioSilenceEcho {

    private String echoed = GoFields.ZERO_TIME;

    /** Called on each status with the WwanConfig in force; returns what to echo now. */
    String update(AgentStatus status, EveWwanConfig config) {
        boolean carriedOut = status.radioSilence() == config.radioSilence() && status.radioSilenceTimestamp() != null;
        if (carriedOut) {
            echoed = config.rsConfigTimestamp();
        }
        return echoed;
    }
}
