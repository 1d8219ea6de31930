package org.wwan4j.bench;

import org.wwan4j.bench.report.BenchReport;

/** One part of the run (latency, indications, memory...): measures and puts its figures into the report. */
public interface Section {

    String title();

    /** The one word {@code --only} selects it by (titles share words: "per-request latency", "indication latency"). */
    String key();

    /** Measures; a contender that fails leaves its keys missing with the reason, and the rest still runs. */
    void run(BenchContext context, BenchReport report) throws Exception;

    /** Whether it measures against the emulated modems; a run of only sections that do not starts none. */
    default boolean needsModems() {
        return true;
    }
}
