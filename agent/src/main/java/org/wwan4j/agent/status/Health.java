package org.wwan4j.agent.status;

/** The agent's view of a modem's health; lastError is null when nothing went wrong. */
public record Health(HealthState state, String lastError, int recoveries) {

    public static final Health OK = new Health(HealthState.OK, null, 0);
}
