package org.wwan4j.agent.modem;

import java.time.Duration;

/**
 * Progress of a provider scan. Modems do not say how far a scan is, so progress is time based: the elapsed time
 * against the scan's bound, plus whatever providers were already reported (MBIM may report some early; QMI never).
 *
 * @param elapsed    since the scan was started
 * @param bound      the scan's timeout
 * @param foundSoFar providers known so far, 0 when the protocol gives them only at the end
 */
public record ScanProgress(Duration elapsed, Duration bound, int foundSoFar) {

    /** Rough percentage for a progress bar; never 100 before the scan has ended. */
    public int percent() {
        if (bound.isZero() || bound.isNegative()) {
            return 0;
        }
        return (int) Math.min(99, elapsed.toMillis() * 100 / bound.toMillis());
    }
}
