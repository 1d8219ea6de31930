package org.wwan4j.agent.daemon;

import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.StatusEvent;

/**
 * For embedders: the agent's status and events as they happen. Called on the agent's thread, one call at a time;
 * do not block (hand off to your own thread for anything slow). A listener that throws is logged and kept.
 */
public interface AgentListener {

    /** A new status snapshot; called once per change (bursts of changes may be coalesced into one call). */
    default void statusChanged(AgentStatus status) {
    }

    /**
     * An event recorded for one modem (the status keeps only the last few per modem).
     *
     * @param modem the modem's config name, or the control port of an unmanaged modem
     */
    default void event(String modem, StatusEvent event) {
    }

    /** A provider scan on the modem made progress (scans take minutes). */
    default void scanProgress(String modem, ScanProgress progress) {
    }
}
