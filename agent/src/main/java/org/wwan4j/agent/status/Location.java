package org.wwan4j.agent.status;

import java.time.Instant;

/** A GNSS fix; degrees, metres and metres; null where unknown. */
public record Location(Double latitude, Double longitude, Double altitude, Double horizontalUncertainty,
        Double verticalUncertainty, Instant utc) {
}
