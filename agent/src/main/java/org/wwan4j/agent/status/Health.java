package org.wwan4j.agent.status;

/**
 * The agent's view of a modem's health.
 *
 * @param state        ok, recovering, stuck or absent
 * @param lastError    the last failure seen, null when nothing went wrong
 * @param recoveries   recovery actions taken since the agent started (backoff retries and ladder steps)
 * @param recoveryStep the ladder step running or last taken while a recovery is under way; null when none is
 */
public record Health(HealthState state, String lastError, int recoveries, RecoveryStep recoveryStep) {

    public static final Health OK = new Health(HealthState.OK, null, 0, null);

    /** Health without a recovery under way. */
    public Health(HealthState state, String lastError, int recoveries) {
        this(state, lastError, recoveries, null);
    }
}
