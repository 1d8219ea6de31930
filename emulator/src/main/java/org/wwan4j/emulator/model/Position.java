package org.wwan4j.emulator.model;

import java.time.Instant;

/** A GNSS fix: degrees, metres, UTC. */
public record Position(double latitude, double longitude, double altitude, double horizontalUncertainty,
                       double verticalUncertainty, Instant utc) {
}
