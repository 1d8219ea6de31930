package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** State of one SIM slot; {@code inactive} (a card in a slot not in use) is told apart from {@code absent}. */
public enum SimState implements JsonName {
    PRESENT("present"),
    ABSENT("absent"),
    INACTIVE("inactive"),
    LOCKED("locked"),
    ERROR("error");

    private final String jsonName;

    SimState(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
