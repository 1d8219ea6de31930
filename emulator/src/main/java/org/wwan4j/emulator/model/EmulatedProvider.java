package org.wwan4j.emulator.model;

import java.util.Set;

/** A visible network, as a scan lists it. */
public record Provider(String mcc, String mnc, String name, ProviderStatus status, boolean roaming, Set<Rat> rats) {
}
