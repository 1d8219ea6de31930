package org.wwan4j.bench.soak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.wwan4j.bench.report.JsonReport;
import org.wwan4j.bench.report.ReportKeys;

/**
 * What one soak measured, as text (a summary) or as the JSON object of {@code bench --soak --json}: the
 * {@link ReportKeys#SOAK_KEYS soak keys} nested by their dots, a figure that could not be measured null with its
 * reason under {@code "missing"}, then {@code "notes"} (how it was measured), as the full run's report has them.
 *
 * @param minutes       the length asked for
 * @param probe         the agent's connectivity probe setting, as the config gives it
 * @param samples       PSS readings taken (one a second)
 * @param pss           what they say
 * @param reconnects    connections after the first ({@link ConnectionTracker})
 * @param secondsNotConnected status snapshots without a bearer after the first connection, one a second
 * @param notes         how it was measured: runtime, probe, scratch directory
 */
record SoakFigures(double minutes, String probe, int samples, SoakStatistics pss, int reconnects,
                   int secondsNotConnected, List<String> notes) {

    static final String NO_30S_SAMPLE = "no sample 30 s after the first complete status (a run under 30 s)";
    static final String NO_SETTLED_SAMPLE = "no sample from " + SoakStatistics.SETTLED.toMinutes()
            + " minutes after the first complete status on (a run shorter than that)";

    SoakFigures {
        notes = List.copyOf(notes);
    }

    String toText() {
        return String.format(Locale.ROOT, """
                soak: the standalone agent on one emulated QMI modem for %s min after its first complete status
                  connectivity probe             %s
                  PSS samples (one a second)     %d
                  PSS 30 s after first status    %s
                  PSS at the end                 %s
                  PSS avg/min/max from %d min     %s / %s / %s
                  reconnects                     %d (%d s not connected after the first connection)
                  PSS per minute (kB)            %s
                """, number(minutes), probe, samples, kb(pss.at30sKb(), NO_30S_SAMPLE), kb(pss.endKb(), "no sample"),
                SoakStatistics.SETTLED.toMinutes(), kb(pss.settledAvgKb(), NO_SETTLED_SAMPLE),
                kb(pss.settledMinKb(), null), kb(pss.settledMaxKb(), null), reconnects, secondsNotConnected,
                pss.perMinuteKb().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                + notes.stream().map(note -> "  note: " + note + System.lineSeparator()).collect(Collectors.joining());
    }

    Map<String, Object> toJson() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> missing = new LinkedHashMap<>();
        values.put(ReportKeys.SOAK_MINUTES, minutes);
        values.put(ReportKeys.SOAK_PROBE, probe);
        values.put(ReportKeys.SOAK_SAMPLES, samples);
        values.put(ReportKeys.SOAK_PSS_30S, pss.at30sKb());
        values.put(ReportKeys.SOAK_PSS_END, pss.endKb());
        values.put(ReportKeys.SOAK_PSS_AVG, pss.settledAvgKb() == null ? null
                : Math.round(pss.settledAvgKb() * 10) / 10.0);
        values.put(ReportKeys.SOAK_PSS_MAX, pss.settledMaxKb());
        values.put(ReportKeys.SOAK_PSS_MIN, pss.settledMinKb());
        values.put(ReportKeys.SOAK_RECONNECTS, reconnects);
        values.put(ReportKeys.SOAK_SECONDS_NOT_CONNECTED, secondsNotConnected);
        values.put(ReportKeys.SOAK_PSS_PER_MINUTE, pss.perMinuteKb());
        Map<String, Object> root = new LinkedHashMap<>();
        for (String key : ReportKeys.SOAK_KEYS) {
            Object value = values.get(key);
            JsonReport.insert(root, key, value);
            if (value == null) {
                missing.put(key, reason(key));
            }
        }
        root.put("missing", missing);
        root.put("notes", notes);
        return root;
    }

    private static String reason(String key) {
        return switch (key) {
            case ReportKeys.SOAK_PSS_30S -> NO_30S_SAMPLE;
            case ReportKeys.SOAK_PSS_AVG, ReportKeys.SOAK_PSS_MAX, ReportKeys.SOAK_PSS_MIN -> NO_SETTLED_SAMPLE;
            default -> "no sample";
        };
    }

    private static String kb(Number kb, String missing) {
        if (kb == null) {
            return missing == null ? "n/a" : "n/a (" + missing + ")";
        }
        return String.format(Locale.ROOT, "%.1f MB (%d kB)",
                kb.doubleValue() / 1024, Math.round(kb.doubleValue()));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
