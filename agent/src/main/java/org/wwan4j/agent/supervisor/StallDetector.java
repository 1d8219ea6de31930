package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.wwan4j.agent.status.Counters;

/**
 * Tells a stalled data plane from a quiet one: stalled only while the connectivity probe is failing AND the
 * receive counters (bytes and packets) have stood still for the whole window. Either alone is not enough: an idle
 * link has still counters, and a probe target can be down while traffic flows. Counters the modem does not give
 * (null) are unknown, never "frozen".
 *
 * <p>Not thread-safe: owned by one supervisor thread. Reset for every new data session.
 */
final class StallDetector {

    private Long rxBytes;
    private Long rxPackets;
    private Instant unchangedSince;
    private boolean probeFailing;

    void reset() {
        rxBytes = null;
        rxPackets = null;
        unchangedSince = null;
        probeFailing = false;
    }

    /**
     * A counters reading.
     *
     * @return true when the receive counters advanced since the previous reading (data flows)
     */
    boolean counters(Instant at, Counters counters) {
        Long bytes = counters == null ? null : counters.rxBytes();
        Long packets = counters == null ? null : counters.rxPackets();
        if (bytes == null && packets == null) {
            rxBytes = null;
            rxPackets = null;
            unchangedSince = null;
            return false;
        }
        boolean known = unchangedSince != null;
        boolean advanced = known && (greater(bytes, rxBytes) || greater(packets, rxPackets));
        boolean changed = !known || !Objects.equals(bytes, rxBytes) || !Objects.equals(packets, rxPackets);
        rxBytes = bytes;
        rxPackets = packets;
        if (changed) {
            unchangedSince = at;
        }
        return advanced;
    }

    /** Whether receive counters are known at all (some modems give none). */
    boolean countersKnown() {
        return unchangedSince != null;
    }

    void probe(boolean ok) {
        probeFailing = !ok;
    }

    boolean stalled(Instant now, Duration window) {
        return probeFailing && unchangedSince != null && !now.isBefore(unchangedSince.plus(window));
    }

    /**
     * How long until {@link #stalled} could become true if nothing new is seen (time to read the counters again),
     * or null when it cannot: the probe is not failing or the counters are unknown.
     */
    Duration untilStalled(Instant now, Duration window) {
        if (!probeFailing || unchangedSince == null) {
            return null;
        }
        Duration left = Duration.between(now, unchangedSince.plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean greater(Long now, Long before) {
        return now != null && before != null && now > before;
    }
}
