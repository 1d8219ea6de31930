package org.wwan4j.agent.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one kind (e.g. start to connected) collected over the crash cycles, summarised for the report. */
final class CrashTimings {

    private final String what;
    private final List<Duration> samples = new ArrayList<>();

    CrashTimings(String what) {
        this.what = what;
    }

    void add(Duration sample) {
        samples.add(sample);
    }

    /** "what: n=12 p50=2.31 s max=4.02 s", or "what: n=0". */
    String summary() {
        if (samples.isEmpty()) {
            return what + ": n=0";
        }
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        Duration p50 = sorted.get((sorted.size() - 1) / 2);
        return String.format("%s: n=%d p50=%s max=%s", what, sorted.size(), seconds(p50), seconds(sorted.getLast()));
    }

    static String seconds(Duration d) {
        return String.format("%.2f s", d.toNanos() / 1e9);
    }
}
