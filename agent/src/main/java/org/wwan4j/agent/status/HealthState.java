package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** The agent's verdict on a modem. */
public enum HealthState implements JsonName {
    OK("ok"),
    RECOVERING("recovering"),
    STUCK("stuck"),
    ABSENT("absent");

    private final String jsonName;

    HealthState(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
