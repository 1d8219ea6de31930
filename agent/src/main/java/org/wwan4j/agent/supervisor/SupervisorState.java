package org.wwan4j.agent.supervisor;

import java.time.Duration;

/**
 * The states of one modem's supervisor, each with the longest time it may stay there before the supervisor counts
 * a failure (null: it may stay for ever, it waits for an event). The bounds are above the {@link
 * org.wwan4j.agent.modem.Modem} request bounds of the steps a state runs, so a state times out only when a chain
 * of requests or an awaited indication did not come. The moves allowed between them are the table in
 * {@code StateTransitions}; any other move is refused.
 */
public enum SupervisorState {
    /** Configured, but no such modem is present. Waits for discovery. */
    ABSENT("absent", null),
    /** Opening the control port and reading identity, SIMs, power, registration. */
    OPENING("opening", Duration.ofSeconds(45)),
    /** Open; powering on, choosing the SIM slot, setting RAT/PLMN preferences and the attach bearer. */
    READY("ready", Duration.ofSeconds(90)),
    /** Waiting for the network to register us (home or roaming). */
    REGISTERING("registering", Duration.ofMinutes(3)),
    /** Bringing the default bearer up and applying its IP settings. */
    CONNECTING("connecting", Duration.ofSeconds(90)),
    /** Bearer up, IP applied. Steady state of a managed modem. */
    CONNECTED("connected", null),
    /** Radio at low power: radio silence or an unmanaged modem. Steady state. */
    RADIO_OFF("radio-off", null),
    /**
     * A step failed: waiting out the backoff before trying again; or running a recovery step (reset, rebind),
     * bounded by that step's own bound ({@link RecoveryBounds}).
     */
    RECOVERING("recovering", null),
    /** Every recovery step failed: waiting out the backoff before running the ladder again from the reopen. */
    STUCK("stuck", null),
    /** Nothing to do until the SIM or the config changes (SIM absent, locked, eSIM without profile...). */
    FAILED("failed", null);

    private final String jsonName;
    private final Duration timeout;

    SupervisorState(String jsonName, Duration timeout) {
        this.jsonName = jsonName;
        this.timeout = timeout;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Longest stay in this state, or null when unbounded. */
    public Duration timeout() {
        return timeout;
    }

    /** States that wait for an event or a timer with no request chain running: only refreshes ask the modem. */
    public boolean waitsForEvents() {
        return this == CONNECTED || this == REGISTERING || this == RADIO_OFF || this == FAILED;
    }

    /** States in which an opened {@link org.wwan4j.agent.modem.Modem} exists. */
    public boolean hasModem() {
        return this != ABSENT && this != OPENING;
    }
}
