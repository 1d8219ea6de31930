package org.wwan4j.emulator.model;

/** Network registration as the modem reports it. */
public enum EmulatedRegistrationState {
    HOME, ROAMING, SEARCHING, DENIED, IDLE;

    public boolean registered() {
        return this == HOME || this == ROAMING;
    }
}
