package org.wwan4j.agent.supervisor;

/**
 * The kinds of status event a supervisor records ({@code events[].kind} in the status file). Scripts filter on
 * them, so they are stable names, kept in one place for every part of the supervisor.
 */
final class EventKinds {

    static final String STATE = "state";
    static final String CONNECT = "connect";
    static final String RADIO = "radio";
    static final String SIM = "sim";
    static final String PROBE = "probe";
    static final String KERNEL = "kernel";
    static final String CONFIG = "config";
    static final String RECOVERY = "recovery";
    static final String SCAN = "scan";
    static final String LOCATION = "location";
    /** A field the modem's firmware cannot give by any request the agent knows (it stays null). */
    static final String CAPABILITY = "capability";

    private EventKinds() {
    }
}
