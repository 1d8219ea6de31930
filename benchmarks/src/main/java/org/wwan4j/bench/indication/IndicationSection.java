package org.wwan4j.bench.indication;

import java.time.Duration;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;
import org.wwan4j.bench.stats.LatencySummary;

/** Latency from the emulator writing a NAS signal-info indication to the listener seeing it: Java vs C. */
public final class IndicationSection implements Section {

    /** Between triggers, so one indication is fully handled before the next (no queueing measured). */
    private static final Duration PAUSE = Duration.ofMillis(20);

    @Override
    public String title() {
        return "indication latency";
    }

    @Override
    public String key() {
        return "indication";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        SignalTrigger trigger = new SignalTrigger(context.qmiModems().getFirst());
        int count = context.plan().indications();
        try (IndicationContender c = CBaselineIndications.start(context.environment(), context.firstQmiDevice(), count)) {
            put(report, ReportKeys.INDICATION_C_P50, ReportKeys.INDICATION_C_P99, c.measure(count, trigger, PAUSE));
        } catch (Exception e) {
            missing(report, ReportKeys.INDICATION_C_P50, ReportKeys.INDICATION_C_P99, e);
        }
        try (IndicationContender java = JavaApiIndications.start(context.environment(), context.firstQmiDevice())) {
            java.measure(count / 5 + 1, trigger, PAUSE); // warm the listener path, as the C client needs no warm-up
            put(report, ReportKeys.INDICATION_JAVA_P50, ReportKeys.INDICATION_JAVA_P99,
                    java.measure(count, trigger, PAUSE));
        } catch (Exception e) {
            missing(report, ReportKeys.INDICATION_JAVA_P50, ReportKeys.INDICATION_JAVA_P99, e);
        }
    }

    private static void put(BenchReport report, String p50Key, String p99Key, long[] latencies) {
        LatencySummary summary = LatencySummary.ofNanos(latencies);
        report.put(p50Key, Metric.of(summary.p50Us()));
        report.put(p99Key, Metric.of(summary.p99Us()));
    }

    private static void missing(BenchReport report, String p50Key, String p99Key, Exception e) {
        Metric metric = Metric.missing(Failures.reason(e));
        report.put(p50Key, metric);
        report.put(p99Key, metric);
    }
}
