package org.wwan4j.agent.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations measured once per hot-plug cycle, summarised as count, median and maximum for the report. */
final class HotPlugTimings {

    private final String name;
    private final List<Duration> values = new ArrayList<>();

    HotPlugTimings(String name) {
        this.name = name;
    }

    void add(Duration value) {
        values.add(value);
    }

    Duration last() {
        return values.getLast();
    }

    int count() {
        return values.size();
    }

    Duration median() {
        return sorted().get((values.size() - 1) / 2);
    }

    Duration max() {
        return Collections.max(values);
    }

    private List<Duration> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException(name + ": nothing measured");
        }
        List<Duration> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    @Override
    public String toString() {
        return name + ": n=" + count() + " p50=" + median().toMillis() + " ms max=" + max().toMillis() + " ms";
    }
}
