package org.wwan4j.agent.modem;

/** Receives a modem's events; see {@link Modem} for the thread it is called on. */
@FunctionalInterface
public interface ModemListener {

    void onEvent(ModemEvent event);
}
