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
    /**
     * "bare_ffm": the C client's calls through bare FFM in a host JVM, the floor under "java"; "c_in_jvm": the C
     * client's program called through one downcall in a host JVM (MBIM only, both).
     */
    public static final List<String> MBIM_CONTENDERS = List.of("java", "c", "mbimcli", "mbimcli_proxy", "bare_ffm",
            "c_in_jvm");
    public static final List<String> PERCENTILES = List.of("p50_us", "p90_us", "p99_us");

    public static final String JAVA_VS_C_P50 = "ratios.java_vs_c_p50";
    public static final String MBIM_JAVA_VS_C_P50 = "ratios.mbim_java_vs_c_p50";
    public static final String QMICLI_VS_JAVA_P50 = "ratios.qmicli_vs_java_p50";
    public static final String QMICLI_PROXY_VS_JAVA_P50 = "ratios.qmicli_proxy_vs_java_p50";
    public static final String MBIMCLI_VS_JAVA_P50 = "ratios.mbimcli_vs_java_p50";
    public static final String MBIMCLI_PROXY_VS_JAVA_P50 = "ratios.mbimcli_proxy_vs_java_p50";
    /** The floor under {@link #MBIM_JAVA_VS_C_P50}: bare FFM making the C client's calls, against the C client. */
    public static final String MBIM_BARE_FFM_VS_C_P50 = "ratios.mbim_bare_ffm_vs_c_p50";
    /** What a JVM process costs the C client's own code: the same program, called in a host JVM, against it. */
    public static final String MBIM_C_IN_JVM_VS_C_P50 = "ratios.mbim_c_in_jvm_vs_c_p50";

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
    /**
     * The floor under the embedded figure (org.wwan4j.bench.memory.DowncallFloorMemory): what a host JVM pays to
     * link the first downcall, and every downcall opening one modem links, with none of the library's code run.
     */
    public static final String EMBEDDED_FLOOR_FIRST_DOWNCALL = "memory.embedded_floor_first_downcall_kb";
    public static final String EMBEDDED_FLOOR_OPEN_PATH = "memory.embedded_floor_open_path_kb";
    public static final String EMBEDDED_FLOOR_DOWNCALLS = "memory.embedded_floor_downcalls";

    /** The Java process kinds whose PSS is broken down: the agent with 1 modem, the host JVM holding 1 modem. */
    public static final List<String> BREAKDOWN_KINDS = List.of("agent", "embedded");
    /**
     * The breakdown's figures per kind, in print order: PSS per component in kB (they add up to {@code total_kb}),
     * then NMT's figures, which are not PSS: malloc the JVM holds, metaspace in use, classes loaded, threads.
     */
    public static final List<String> BREAKDOWN_FIGURES = List.of("heap_kb", "metaspace_kb", "class_space_kb",
            "code_cache_kb", "thread_stacks_kb", "cds_archives_kb", "gc_kb", "malloc_kb", "libjvm_kb", "jdk_libs_kb",
            "glib_kb", "libqmi_kb", "libmbim_kb", "libc_and_other_libs_kb", "other_kb", "total_kb",
            "jvm_malloc_in_use_kb", "metaspace_used_kb", "classes_loaded", "threads");

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

    /**
     * The keys of {@code bench --soak} (org.wwan4j.bench.soak): one agent on one emulated QMI modem, its PSS every
     * second for MINUTES. The soak prints its own JSON object, in the same shape as the full run's (null with a reason
     * under {@code "missing"}); these keys are not part of {@link #all()}.
     */
    public static final String SOAK_MINUTES = "soak.minutes";
    public static final String SOAK_PROBE = "soak.probe";
    public static final String SOAK_SAMPLES = "soak.samples";
    public static final String SOAK_PSS_30S = "soak.agent_pss_kb_30s";
    public static final String SOAK_PSS_END = "soak.agent_pss_kb_end";
    public static final String SOAK_PSS_AVG = "soak.agent_pss_kb_avg";
    public static final String SOAK_PSS_MAX = "soak.agent_pss_kb_max";
    public static final String SOAK_PSS_MIN = "soak.agent_pss_kb_min";
    public static final String SOAK_RECONNECTS = "soak.reconnects";
    public static final String SOAK_SECONDS_NOT_CONNECTED = "soak.seconds_not_connected";
    public static final String SOAK_PSS_PER_MINUTE = "soak.pss_kb_per_minute";
    /** The soak's keys, in print order. */
    public static final List<String> SOAK_KEYS = List.of(SOAK_MINUTES, SOAK_PROBE, SOAK_SAMPLES, SOAK_PSS_30S,
            SOAK_PSS_END, SOAK_PSS_AVG, SOAK_PSS_MAX, SOAK_PSS_MIN, SOAK_RECONNECTS, SOAK_SECONDS_NOT_CONNECTED,
            SOAK_PSS_PER_MINUTE);

    private static final List<String> ALL = build();

    private ReportKeys() {}

    public static String latency(String protocol, String contender, String percentile) {
        return "latency." + protocol + "." + contender + "." + percentile;
    }

    /** {@code memory.breakdown.<kind>.<figure>}, e.g. {@code memory.breakdown.agent.heap_kb}. */
    public static String breakdown(String kind, String figure) {
        return "memory.breakdown." + kind + "." + figure;
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
                MBIMCLI_VS_JAVA_P50, MBIMCLI_PROXY_VS_JAVA_P50, MBIM_BARE_FFM_VS_C_P50,
                MBIM_C_IN_JVM_VS_C_P50,
                INDICATION_JAVA_P50, INDICATION_JAVA_P99, INDICATION_C_P50, INDICATION_C_P99,
                SNAPSHOT_AGENT_MS, SNAPSHOT_SHELL_MS, SNAPSHOT_SHELL_CALLS,
                HOST_JVM_PSS, EMBEDDED_PSS_1, EMBEDDED_PSS_8, AGENT_PSS_1, AGENT_PSS_8, MM_STACK_PSS,
                MM_STACK_IDLE_PSS, C_CLIENT_PSS,
                EMBEDDED_FLOOR_FIRST_DOWNCALL, EMBEDDED_FLOOR_OPEN_PATH, EMBEDDED_FLOOR_DOWNCALLS));
        for (String kind : BREAKDOWN_KINDS) {
            for (String figure : BREAKDOWN_FIGURES) {
                keys.add(breakdown(kind, figure));
            }
        }
        keys.addAll(List.of(
                AGENT_CPU_PERCENT, POLLING_CPU_PERCENT, AGENT_CPU_MS_PER_MIN, POLLING_CPU_MS_PER_MIN,
                STARTUP_FIRST_STATUS_MS));
        keys.addAll(DISK_KEYS);
        return Collections.unmodifiableList(keys);
    }
}
