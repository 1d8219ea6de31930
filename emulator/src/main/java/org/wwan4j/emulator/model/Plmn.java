package org.wwan4j.emulator.model;

import java.util.Set;

/** A network identity with the RATs it is wanted on (preferred networks list). */
public record Plmn(String mcc, String mnc, Set<EmulatedRat> rats) {
}
