package org.wwan4j.agent.config;

/**
 * How the agent recovers one modem (the ladder itself is the supervisor's).
 *
 * @param stallSeconds how long the connectivity probe must be failing with the packet counters standing still
 *                     before the data plane counts as stalled and the recovery ladder starts
 * @param rebindDriver whether the ladder may unbind and bind the modem's driver through sysfs (off by default:
 *                     it needs root and resets every function of the USB interface)
 */
public record RecoveryConfig(int stallSeconds, boolean rebindDriver) {

    /** Three counter periods (60 s each by default): long enough that a quiet link is not taken for a stall. */
    public static final int DEFAULT_STALL_SECONDS = 180;

    public static final RecoveryConfig DEFAULT = new RecoveryConfig(DEFAULT_STALL_SECONDS, false);
}
