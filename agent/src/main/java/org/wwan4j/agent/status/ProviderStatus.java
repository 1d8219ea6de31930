package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** How a visible provider relates to the modem. */
public enum ProviderStatus implements JsonName {
    CURRENT("current"),
    AVAILABLE("available"),
    FORBIDDEN("forbidden"),
    UNKNOWN("unknown");

    private final String jsonName;

    ProviderStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
