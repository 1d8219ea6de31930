package org.wwan4j.agent.eve;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Go's JSON form of a {@code time.Time} in UTC: RFC 3339 with the nanoseconds' trailing zeros dropped. */
final class GoTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    static String format(Instant t) {
        StringBuilder out = new StringBuilder(SECONDS.format(t));
        if (t.getNano() != 0) {
            String nanos = String.format("%09d", t.getNano());
            out.append('.').append(nanos.replaceFirst("0+$", ""));
        }
        return out.append('Z').toString();
    }
}
