package org.wwan4j.bench.report;

import java.util.List;
import java.util.Locale;

/** The human-readable report: one block per section, a row per figure, "n/a (reason)" for what is missing. */
public final class TableReport {

    private static final String NOT_AVAILABLE = "n/a (%s)";
    private static final int LABEL_WIDTH = 44;

    private TableReport() {}

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("wwan4j bench");
        report.machine().forEach((name, value) -> out.append("  ").append(name).append('=').append(value));
        out.append("\n\n");

        section(out, "Per-request latency (us)        p50        p90        p99");
        latencyRows(out, report, "qmi", ReportKeys.QMI_CONTENDERS, "QMI dms-get-ids");
        latencyRows(out, report, "mbim", ReportKeys.MBIM_CONTENDERS, "MBIM device-caps");
        out.append('\n');

        section(out, "Ratios (p50)");
        row(out, "Java / C (QMI)", report.get(ReportKeys.JAVA_VS_C_P50), "x");
        row(out, "Java / C (MBIM)", report.get(ReportKeys.MBIM_JAVA_VS_C_P50), "x");
        row(out, "bare FFM / C (MBIM): the floor under Java", report.get(ReportKeys.MBIM_BARE_FFM_VS_C_P50), "x");
        row(out, "C client in a JVM / C (MBIM)", report.get(ReportKeys.MBIM_C_IN_JVM_VS_C_P50), "x");
        row(out, "qmicli per request / Java", report.get(ReportKeys.QMICLI_VS_JAVA_P50), "x");
        row(out, "qmicli -p per request / Java", report.get(ReportKeys.QMICLI_PROXY_VS_JAVA_P50), "x");
        row(out, "mbimcli per request / Java", report.get(ReportKeys.MBIMCLI_VS_JAVA_P50), "x");
        row(out, "mbimcli -p per request / Java", report.get(ReportKeys.MBIMCLI_PROXY_VS_JAVA_P50), "x");
        out.append('\n');

        section(out, "Indication latency (QMI NAS signal info)");
        row(out, "Java listener p50", report.get(ReportKeys.INDICATION_JAVA_P50), "us");
        row(out, "Java listener p99", report.get(ReportKeys.INDICATION_JAVA_P99), "us");
        row(out, "C client p50", report.get(ReportKeys.INDICATION_C_P50), "us");
        row(out, "C client p99", report.get(ReportKeys.INDICATION_C_P99), "us");
        out.append('\n');

        section(out, "Full status snapshot of one modem");
        row(out, "agent `info`", report.get(ReportKeys.SNAPSHOT_AGENT_MS), "ms");
        row(out, "old shell agent's qmicli sequence", report.get(ReportKeys.SNAPSHOT_SHELL_MS), "ms");
        row(out, "  qmicli calls in the sequence", report.get(ReportKeys.SNAPSHOT_SHELL_CALLS), "");
        out.append('\n');

        section(out, "Memory, PSS (kB)");
        row(out, "host JVM alone (launcher flags)", report.get(ReportKeys.HOST_JVM_PSS), "kB");
        row(out, "embedded: + library, 1 modem", report.get(ReportKeys.EMBEDDED_PSS_1), "kB");
        row(out, "embedded: + library, 8 modems", report.get(ReportKeys.EMBEDDED_PSS_8), "kB");
        row(out, "agent process, 1 modem", report.get(ReportKeys.AGENT_PSS_1), "kB");
        row(out, "agent process, 8 modems", report.get(ReportKeys.AGENT_PSS_8), "kB");
        row(out, "ModemManager+dbus+qmi-proxy, 1 modem", report.get(ReportKeys.MM_STACK_PSS), "kB");
        row(out, "ModemManager+dbus+qmi-proxy, idle", report.get(ReportKeys.MM_STACK_IDLE_PSS), "kB");
        row(out, "C baseline client holding 1 modem", report.get(ReportKeys.C_CLIENT_PSS), "kB");
        row(out, "embedded floor: first downcall linked", report.get(ReportKeys.EMBEDDED_FLOOR_FIRST_DOWNCALL), "kB");
        row(out, "embedded floor: open path's downcalls", report.get(ReportKeys.EMBEDDED_FLOOR_OPEN_PATH), "kB");
        row(out, "  downcalls the open path links", report.get(ReportKeys.EMBEDDED_FLOOR_DOWNCALLS), "");
        out.append('\n');

        breakdownRows(out, report);
        out.append('\n');

        section(out, "Idle cost (CPU)");
        row(out, "agent, indications on", report.get(ReportKeys.AGENT_CPU_PERCENT), "%");
        row(out, "agent, per minute", report.get(ReportKeys.AGENT_CPU_MS_PER_MIN), "ms");
        row(out, "old polling loop", report.get(ReportKeys.POLLING_CPU_PERCENT), "%");
        row(out, "old polling loop, per minute", report.get(ReportKeys.POLLING_CPU_MS_PER_MIN), "ms");
        out.append('\n');

        section(out, "Start-up");
        row(out, "agent start to first complete status", report.get(ReportKeys.STARTUP_FIRST_STATUS_MS), "ms");
        out.append('\n');

        section(out, "Disk (scripts/runtime.sh; uncompressed as du -sb, compressed as tar | gzip -9)");
        row(out, "runtime (jlink image + start script)", report.get(ReportKeys.DISK_RUNTIME_KB), "kB");
        row(out, "jars (agent + runtime dependencies)", report.get(ReportKeys.DISK_JARS_KB), "kB");
        row(out, "runtime, compressed", report.get(ReportKeys.DISK_RUNTIME_COMPRESSED_KB), "kB");
        row(out, "jars, compressed", report.get(ReportKeys.DISK_JARS_COMPRESSED_KB), "kB");
        row(out, "total, uncompressed", report.get(ReportKeys.DISK_TOTAL_KB), "kB");

        List<String> notes = report.notes();
        if (!notes.isEmpty()) {
            out.append("\nNotes\n");
            notes.forEach(note -> out.append("  - ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title) {
        out.append(title).append('\n');
    }

    private static void latencyRows(StringBuilder out, BenchReport report, String protocol, List<String> contenders,
                                    String request) {
        for (String contender : contenders) {
            out.append(String.format(Locale.ROOT, "  %-30s", request + ", " + contender));
            Metric p50 = report.get(ReportKeys.latency(protocol, contender, "p50_us"));
            if (!p50.present()) {
                out.append(String.format(Locale.ROOT, NOT_AVAILABLE, p50.reason())).append('\n');
                continue;
            }
            for (String percentile : ReportKeys.PERCENTILES) {
                Metric metric = report.get(ReportKeys.latency(protocol, contender, percentile));
                out.append(String.format(Locale.ROOT, "%11s", format(metric)));
            }
            out.append('\n');
        }
    }

    /**
     * One row per component with the kinds side by side (a PSS breakdown reads best as columns that add up), then
     * NMT's figures; a kind that could not be measured says why once, under the rows.
     */
    private static void breakdownRows(StringBuilder out, BenchReport report) {
        out.append(String.format(Locale.ROOT, "%-" + (LABEL_WIDTH + 2) + "s", "Memory breakdown, PSS (kB)"));
        ReportKeys.BREAKDOWN_KINDS.forEach(kind -> out.append(String.format(Locale.ROOT, "%11s", kind)));
        out.append('\n');
        for (String figure : ReportKeys.BREAKDOWN_FIGURES) {
            if (figure.equals("jvm_malloc_in_use_kb")) {
                out.append("  NMT, not PSS:\n");
            }
            out.append(String.format(Locale.ROOT, "  %-" + LABEL_WIDTH + "s", breakdownLabel(figure)));
            for (String kind : ReportKeys.BREAKDOWN_KINDS) {
                Metric metric = report.get(ReportKeys.breakdown(kind, figure));
                out.append(String.format(Locale.ROOT, "%11s", metric.present() ? whole(metric) : "n/a"));
            }
            out.append('\n');
        }
        for (String kind : ReportKeys.BREAKDOWN_KINDS) {
            Metric total = report.get(ReportKeys.breakdown(kind, "total_kb"));
            if (!total.present()) {
                out.append(String.format(Locale.ROOT, "  %s: " + NOT_AVAILABLE + "%n", kind, total.reason()));
            }
        }
    }

    /** {@code class_space_kb} reads "class space", {@code classes_loaded} "classes loaded". */
    private static String breakdownLabel(String figure) {
        String name = figure.endsWith("_kb") ? figure.substring(0, figure.length() - "_kb".length()) : figure;
        return name.replace('_', ' ');
    }

    private static void row(StringBuilder out, String label, Metric metric, String unit) {
        String value = metric.present() ? format(metric) + (unit.isEmpty() ? "" : " " + unit)
                : String.format(Locale.ROOT, NOT_AVAILABLE, metric.reason());
        out.append(String.format(Locale.ROOT, "  %-" + LABEL_WIDTH + "s %s%n", label, value));
    }

    /** kB and counts: whole numbers at any size. */
    private static String whole(Metric metric) {
        return String.format(Locale.ROOT, "%.0f", metric.value());
    }

    /** Whole numbers above 100 (kB, us of a process spawn), one decimal below (ratios, percentages). */
    static String format(Metric metric) {
        double value = metric.value();
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
