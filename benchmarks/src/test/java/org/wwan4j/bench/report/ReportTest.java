package org.wwan4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    /** The keys issue 8 names; scripts read them, so they must never disappear or move. */
    private static final List<String> CONTRACT_KEYS = List.of("ratios.java_vs_c_p50", "ratios.qmicli_vs_java_p50",
            "ratios.mbimcli_vs_java_p50", "indication.java_us_p99", "indication.c_us_p99",
            "memory.embedded_pss_kb_1", "memory.embedded_pss_kb_8", "memory.agent_pss_kb_1", "memory.agent_pss_kb_8",
            "memory.mm_stack_pss_kb", "memory.c_client_pss_kb", "idle.agent_cpu_percent", "idle.polling_cpu_percent",
            "startup.first_status_ms");

    @Test
    void everyContractKeyIsInTheJsonEvenWhenNothingWasMeasured() throws Exception {
        Map<String, Object> json = JSON.std.mapFrom(JsonReport.render(new BenchReport()));

        for (String key : CONTRACT_KEYS) {
            assertTrue(has(json, key), key);
            assertNull(lookup(json, key), key);
        }
    }

    @Test
    void aMissingFigureIsNullWithItsReasonBesideIt() throws Exception {
        BenchReport report = new BenchReport();
        report.put(ReportKeys.AGENT_PSS_1, Metric.missing("agent command not in main yet"));
        report.put(ReportKeys.C_CLIENT_PSS, Metric.of(2357));

        Map<String, Object> json = JSON.std.mapFrom(JsonReport.render(report));

        assertNull(lookup(json, "memory.agent_pss_kb_1"));
        assertEquals(2357.0, ((Number) lookup(json, "memory.c_client_pss_kb")).doubleValue());
        Map<?, ?> missing = (Map<?, ?>) json.get("missing");
        assertEquals("agent command not in main yet", missing.get("memory.agent_pss_kb_1"));
        assertFalse(missing.containsKey("memory.c_client_pss_kb"));
    }

    @Test
    void latencyKeysAreNestedByProtocolAndContender() throws Exception {
        BenchReport report = new BenchReport();
        report.put(ReportKeys.latency("qmi", "qmicli_proxy", "p99_us"), Metric.of(91426.4));

        Map<String, Object> json = JSON.std.mapFrom(JsonReport.render(report));

        assertEquals(91426.4, ((Number) lookup(json, "latency.qmi.qmicli_proxy.p99_us")).doubleValue());
    }

    @Test
    void theKeyOrderIsStable() {
        List<String> keys = ReportKeys.all();

        assertEquals("latency.qmi.java.p50_us", keys.getFirst());
        // Keys are only ever added at the end: start-up was last until the disk section came.
        assertEquals("startup.first_status_ms", keys.get(keys.size() - 1 - ReportKeys.DISK_KEYS.size()));
        assertEquals(ReportKeys.DISK_KEYS, keys.subList(keys.size() - ReportKeys.DISK_KEYS.size(), keys.size()));
        assertEquals(keys.size(), keys.stream().distinct().count());
        assertTrue(keys.containsAll(CONTRACT_KEYS));
    }

    @Test
    void unknownKeysAreRejectedSoTyposCannotAddKeys() {
        assertThrows(IllegalArgumentException.class, () -> new BenchReport().put("memory.agent_pss", Metric.of(1)));
    }

    @Test
    void theTableSaysWhyAFigureIsMissing() {
        BenchReport report = new BenchReport();
        report.put(ReportKeys.STARTUP_FIRST_STATUS_MS, Metric.missing("agent exited with 2: not built yet"));
        report.put(ReportKeys.C_CLIENT_PSS, Metric.of(2357));
        report.put(ReportKeys.JAVA_VS_C_P50, Metric.of(0.59));

        String table = TableReport.render(report);

        assertTrue(table.contains("agent start to first complete status         n/a (agent exited with 2: not built yet)"),
                table);
        assertTrue(table.contains("C baseline client holding 1 modem            2357 kB"), table);
        assertTrue(table.contains("Java / C (QMI)                               0.6 x"), table);
    }

    @Test
    void theBreakdownIsNestedByKindInJsonAndSideBySideInTheTable() throws Exception {
        BenchReport report = new BenchReport();
        report.put(ReportKeys.breakdown("agent", "heap_kb"), Metric.of(9872));
        report.put(ReportKeys.breakdown("agent", "threads"), Metric.of(28));
        report.put(ReportKeys.breakdown("embedded", "heap_kb"), Metric.of(10884));
        for (String figure : ReportKeys.BREAKDOWN_FIGURES) {
            report.putIfAbsent(ReportKeys.breakdown("embedded", figure), Metric.missing("jcmd: NMT is disabled"));
        }

        Map<String, Object> json = JSON.std.mapFrom(JsonReport.render(report));
        String table = TableReport.render(report);

        assertEquals(9872.0, ((Number) lookup(json, "memory.breakdown.agent.heap_kb")).doubleValue());
        assertNull(lookup(json, "memory.breakdown.embedded.total_kb"));
        assertTrue(table.contains("  heap                                               9872      10884"), table);
        assertTrue(table.contains("  threads                                              28        n/a"), table);
        assertTrue(table.contains("  embedded: n/a (jcmd: NMT is disabled)"), table);
    }

    @Test
    void ratiosCarryTheReasonOfAMissingSide() {
        Metric ratio = Metric.ratio(Metric.missing("java not measured"), Metric.of(2));

        assertFalse(ratio.present());
        assertEquals("java not measured", ratio.reason());
        assertEquals(4.0, Metric.ratio(Metric.of(8), Metric.of(2)).value());
        assertEquals(6.0, Metric.difference(Metric.of(8), Metric.of(2)).value());
    }

    @Test
    void aMetricIsNeverNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> Metric.of(Double.NaN));
        assertThrows(NullPointerException.class, () -> Metric.missing(null));
    }

    private static boolean has(Map<String, Object> json, String dottedKey) {
        String[] path = dottedKey.split("\\.");
        Object node = json;
        for (int i = 0; i < path.length - 1; i++) {
            node = ((Map<?, ?>) node).get(path[i]);
            if (!(node instanceof Map)) {
                return false;
            }
        }
        return ((Map<?, ?>) node).containsKey(path[path.length - 1]);
    }

    private static Object lookup(Map<String, Object> json, String dottedKey) {
        Object node = json;
        for (String part : dottedKey.split("\\.")) {
            node = ((Map<?, ?>) node).get(part);
        }
        return node;
    }
}
