package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** Network registration. */
public enum RegistrationState implements JsonName {
    HOME("home"),
    ROAMING("roaming"),
    SEARCHING("searching"),
    DENIED("denied"),
    IDLE("idle"),
    UNKNOWN("unknown");

    private final String jsonName;

    RegistrationState(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
