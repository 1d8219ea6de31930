package org.wwan4j.emulator.model;

import java.util.Set;

/**
 * Where the modem is registered. MCC/MNC are strings: a 2-digit MNC such as "07" keeps its leading zero and is
 * distinct from the 3-digit "007".
 */
public record EmulatedRegistration(EmulatedRegistrationState state, String mcc, String mnc, String operatorName,
        Set<EmulatedRat> rats,
                           int lac, int tac, long cellId) {

    /** Not registered anywhere, in the given state. */
    public static EmulatedRegistration none(EmulatedRegistrationState state) {
        return new EmulatedRegistration(state, null, null, null, Set.of(), 0, 0, 0);
    }

    public EmulatedRegistration withRats(Set<EmulatedRat> newRats) {
        return new EmulatedRegistration(state, mcc, mnc, operatorName, newRats, lac, tac, cellId);
    }

    public EmulatedRegistration withState(EmulatedRegistrationState newState) {
        return new EmulatedRegistration(newState, mcc, mnc, operatorName, rats, lac, tac, cellId);
    }
}
