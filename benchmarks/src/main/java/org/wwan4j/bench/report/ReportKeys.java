package org.wwan4j.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every key of the JSON report, in print order. Scripts depend on these names: a key is always present (null when it
 * could not be measured), and keys are only ever added, never renamed. Dots separate nested JSON objects.
 */
public final class ReportKeys {

    /** Per-request latency contenders, per protocol, in table order. */
    public static final List<String> QMI_CONTENDERS = List.of("java", "c", "qmicli", "qmicli_proxy");
    public static final List<String> MBIM_CONTENDERS = List.of("java", "c", "mbimcli", "mbimcli_proxy");
    public static final List<String> PERCENTILES = List.of("p50_us", "p90_us", "p99_us");

    public static final String JAVA_VS_C_P50 = "ratios.java_vs_c_p50";
    public static final String MBIM_JAVA_VS_C_P50 = "ratios.mbim_java_vs_c_p50";
    public static final String QMICLI_VS_JAVA_P50 = "ratios.qmicli_vs_java_p50";
    public static final String QMICLI_PROXY_VS_JAVA_P50 = "ratios.qmicli_proxy_vs_java_p50";
    public static final String MBIMCLI_VS_JAVA_P50 = "ratios.mbimcli_vs_java_p50";
    public static final String MBIMCLI_PROXY_VS_JAVA_P50 = "ratios.mbimcli_proxy_vs_java_p50";

    public static final String INDICATION_JAVA_P50 = "indication.java_us_p50";
    public static final String INDICATION_JAVA_P99 = "indication.java_us_p99";
    public static final String INDICATION_C_P50 = "indication.c_us_p50";
    public static final String INDICATION_C_P99 = "indication.c_us_p99";

    public static final String SNAPSHOT_AGENT_MS = "snapshot.agent_info_ms";
    public static final String SNAPSHOT_SHELL_MS = "snapshot.qmicli_sequence_ms";
    public static final String SNAPSHOT_SHELL_CALLS = "snapshot.qmicli_calls";

    public static final String HOST_JVM_PSS = "memory.host_jvm_pss_kb";
    public static final String EMBEDDED_PSS_1 = "memory.embedded_pss_kb_1";
    public static final String EMBEDDED_PSS_8 = "memory.embedded_pss_kb_8";
    public static final String AGENT_PSS_1 = "memory.agent_pss_kb_1";
    public static final String AGENT_PSS_8 = "memory.agent_pss_kb_8";
    public static final String MM_STACK_PSS = "memory.mm_stack_pss_kb";
    public static final String MM_STACK_IDLE_PSS = "memory.mm_stack_idle_pss_kb";
    public static final String C_CLIENT_PSS = "memory.c_client_pss_kb";

    public static final String AGENT_CPU_PERCENT = "idle.agent_cpu_percent";
    public static final String POLLING_CPU_PERCENT = "idle.polling_cpu_percent";
    public static final String AGENT_CPU_MS_PER_MIN = "idle.agent_cpu_ms_per_min";
    public static final String POLLING_CPU_MS_PER_MIN = "idle.polling_cpu_ms_per_min";

    public static final String STARTUP_FIRST_STATUS_MS = "startup.first_status_ms";

    public static final String DISK_RUNTIME_KB = "disk.runtime_kb";
    public static final String DISK_JARS_KB = "disk.jars_kb";
    public static final String DISK_RUNTIME_COMPRESSED_KB = "disk.runtime_compressed_kb";
    public static final String DISK_JARS_COMPRESSED_KB = "disk.jars_compressed_kb";
    public static final String DISK_TOTAL_KB = "disk.total_kb";
    /** The disk section's keys, in print order. */
    public static final List<String> DISK_KEYS = List.of(DISK_RUNTIME_KB, DISK_JARS_KB, DISK_RUNTIME_COMPRESSED_KB,
            DISK_JARS_COMPRESSED_KB, DISK_TOTAL_KB);

    private static final List<String> ALL = build();

    private ReportKeys() {}

    public static String latency(String protocol, String contender, String percentile) {
        return "latency." + protocol + "." + contender + "." + percentile;
    }

    public static List<String> all() {
        return ALL;
    }

    private static List<String> build() {
        List<String> keys = new ArrayList<>();
        for (String contender : QMI_CONTENDERS) {
            for (String percentile : PERCENTILES) {
                keys.add(latency("qmi", contender, percentile));
            }
        }
        for (String contender : MBIM_CONTENDERS) {
            for (String percentile : PERCENTILES) {
                keys.add(latency("mbim", contender, percentile));
            }
        }
        keys.addAll(List.of(JAVA_VS_C_P50, MBIM_JAVA_VS_C_P50, QMICLI_VS_JAVA_P50, QMICLI_PROXY_VS_JAVA_P50,
                MBIMCLI_VS_JAVA_P50, MBIMCLI_PROXY_VS_JAVA_P50,
                INDICATION_JAVA_P50, INDICATION_JAVA_P99, INDICATION_C_P50, INDICATION_C_P99,
                SNAPSHOT_AGENT_MS, SNAPSHOT_SHELL_MS, SNAPSHOT_SHELL_CALLS,
                HOST_JVM_PSS, EMBEDDED_PSS_1, EMBEDDED_PSS_8, AGENT_PSS_1, AGENT_PSS_8, MM_STACK_PSS,
                MM_STACK_IDLE_PSS, C_CLIENT_PSS,
                AGENT_CPU_PERCENT, POLLING_CPU_PERCENT, AGENT_CPU_MS_PER_MIN, POLLING_CPU_MS_PER_MIN,
                STARTUP_FIRST_STATUS_MS));
        keys.addAll(DISK_KEYS);
        return Collections.unmodifiableList(keys);
    }
}
