package org.wwan4j.emulator.model;

import java.util.Set;

/** A visible network, as a scan lists it. */
public record EmulatedProvider(String mcc, String mnc, String name, EmulatedProviderStatus status, boolean roaming,
        Set<EmulatedRat> rats) {
}
