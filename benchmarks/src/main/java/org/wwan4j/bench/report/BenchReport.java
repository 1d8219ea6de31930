package org.wwan4j.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run measured: a metric per {@link ReportKeys key} (missing until set), the raw latency samples for the
 * chart, notes on how things were measured, and facts about the machine (load average) that say how far to trust it.
 */
public final class BenchReport {

    private static final String NOT_RUN = "not measured in this run";

    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final List<LatencySeries> series = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Per-request samples of one contender, in microseconds, for the distribution chart. */
    public record LatencySeries(String protocol, String contender, double[] micros) {
    }

    public void put(String key, Metric metric) {
        if (!ReportKeys.all().contains(key)) {
            throw new IllegalArgumentException("not a report key: " + key);
        }
        metrics.put(key, metric);
    }

    /** The metric for a key; "not measured" if nothing set it. */
    public Metric get(String key) {
        return metrics.getOrDefault(key, Metric.missing(NOT_RUN));
    }

    /** Sets a key only if nothing set it yet (fills in reasons for a section that failed as a whole). */
    public void putIfAbsent(String key, Metric metric) {
        if (!ReportKeys.all().contains(key)) {
            throw new IllegalArgumentException("not a report key: " + key);
        }
        metrics.putIfAbsent(key, metric);
    }

    public synchronized void machine(String name, Object value) {
        machine.put(name, value);
    }

    public synchronized Map<String, Object> machine() {
        return new LinkedHashMap<>(machine);
    }

    public synchronized void addSeries(LatencySeries latencySeries) {
        series.add(latencySeries);
    }

    public synchronized List<LatencySeries> series() {
        return List.copyOf(series);
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
