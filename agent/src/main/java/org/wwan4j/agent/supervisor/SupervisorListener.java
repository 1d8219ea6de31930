package org.wwan4j.agent.supervisor;

import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.StatusEvent;

/**
 * What a supervisor reports. Called on the supervisor's thread; implementations hand off at once (the agent
 * merges into its own state under a lock and writes the file on its own thread).
 */
public interface SupervisorListener {

    /** The modem's status changed (only called when it differs from the last one reported). */
    void statusChanged(ModemSupervisor supervisor, ModemStatus status);

    /** The state machine moved. */
    default void stateChanged(ModemSupervisor supervisor, SupervisorState from, SupervisorState to, String why) {
    }

    /** An event was recorded in the modem's status (the status itself keeps only the last few). */
    default void event(ModemSupervisor supervisor, StatusEvent event) {
    }

    /** A running provider scan made progress. */
    default void scanProgress(ModemSupervisor supervisor, ScanProgress progress) {
    }
}
