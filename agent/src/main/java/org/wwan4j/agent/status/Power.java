package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** The modem's operating mode as the status reports it. */
public enum Power implements JsonName {
    ONLINE("online"),
    LOW_POWER("low-power"),
    OFFLINE("offline"),
    UNKNOWN("unknown");

    private final String jsonName;

    Power(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
