package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** Physical card or embedded SIM. */
public enum SimType implements JsonName {
    PHYSICAL("physical"),
    ESIM("esim"),
    UNKNOWN("unknown");

    private final String jsonName;

    SimType(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
