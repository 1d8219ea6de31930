package org.wwan4j.bench.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --json} output: one object with every {@link ReportKeys key} nested by its dots (null when missing),
 * then {@code "missing"} (key to reason, so a null is never unexplained), {@code "machine"} and {@code "notes"}.
 */
public final class JsonReport {

    private static final double ROUNDING = 10.0; // one decimal: more digits than the noise would be false precision

    private JsonReport() {}

    public static String render(BenchReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> missing = new LinkedHashMap<>();
        for (String key : ReportKeys.all()) {
            Metric metric = report.get(key);
            insert(root, key, metric.present() ? round(metric.value()) : null);
            if (!metric.present()) {
                missing.put(key, metric.reason());
            }
        }
        root.put("missing", missing);
        root.put("machine", report.machine());
        root.put("notes", report.notes());
        try {
            return JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts {@code value} into {@code root} under a dotted key, one nested object per dot ("soak.minutes"). */
    @SuppressWarnings("unchecked")
    public static void insert(Map<String, Object> root, String dottedKey, Object value) {
        String[] path = dottedKey.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], name -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], value);
    }

    private static double round(double value) {
        return Math.round(value * ROUNDING) / ROUNDING;
    }
}
