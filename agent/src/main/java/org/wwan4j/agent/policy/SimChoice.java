package org.wwan4j.agent.policy;

/** What the SIM policy decided before registering. */
public sealed interface SimChoice {

    /** The active slot is the right one and usable. */
    record Use(int slot) implements SimChoice {
    }

    /** Another slot must be made active first. */
    record Switch(int slot) implements SimChoice {
    }

    /** Nothing to connect with until the SIM or the config changes; the reason goes to status. */
    record Blocked(String reason) implements SimChoice {
    }
}
