package org.wwan4j.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one load run measured.
 *
 * @param modems               emulated modems (QMI + MBIM)
 * @param ratePerModem         signal changes asked per modem per second
 * @param seconds              length of the storm
 * @param sent                 signal changes the emulators made
 * @param delivered            signal events that reached the agent through libqmi/libmbim and the bindings
 * @param backlogEarlyMedian   queued tasks (agent + supervisor threads + callback threads), median of the first third
 * @param backlogLateMedian    the same, median of the last third
 * @param backlogMax           the same, highest sample
 * @param backlogSettled       the same once the storm stopped and status caught up
 * @param heapStartBytes       heap used after GC before the storm
 * @param heapEndBytes         heap used after GC after it
 * @param pssStartKb           the whole process's PSS before the storm (agent, emulators, libraries, JIT)
 * @param pssEndKb             the same after it
 * @param statusWrites         status files written during the storm
 * @param maxStatusAgeMillis   oldest the status file's "updated" stamp was at any sample
 * @param catchUpMillis        from the end of the storm until every modem's status signal equals its emulator's
 * @param processCpuMillis     CPU time of the whole process during the storm
 * @param agentCpuMillis       CPU time of the agent's own threads (agent, supervisors, bindings' callbacks)
 */
record LoadFigures(int modems, int ratePerModem, double seconds, long sent, long delivered, int backlogEarlyMedian,
        int backlogLateMedian, int backlogMax, int backlogSettled, long heapStartBytes, long heapEndBytes,
        long pssStartKb, long pssEndKb, long statusWrites, long maxStatusAgeMillis, long catchUpMillis,
        long processCpuMillis, long agentCpuMillis) {

    private static final double MIB = 1024.0 * 1024.0;

    double deliveredPerSecond() {
        return delivered / seconds;
    }

    double statusWritesPerSecond() {
        return statusWrites / seconds;
    }

    String toText() {
        return String.format(Locale.ROOT, """
                load: %d modems x %d indications/s for %.0f s (one agent, emulators in the same JVM)
                  indications sent / delivered   %d / %d (%.1f/s delivered)
                  backlog (queued tasks)         median early %d, late %d, max %d, settled %d
                  heap used after GC             %.1f MiB -> %.1f MiB
                  process PSS                    %.1f MiB -> %.1f MiB
                  status file writes             %d (%.2f/s), oldest "updated" seen %d ms
                  status caught up after storm   %d ms
                  CPU, whole process             %d ms (%.1f %% of one core)
                  CPU, agent threads             %d ms (%.1f %% of one core)
                """, modems, ratePerModem, seconds, sent, delivered, deliveredPerSecond(), backlogEarlyMedian,
                backlogLateMedian, backlogMax, backlogSettled, heapStartBytes / MIB, heapEndBytes / MIB,
                pssStartKb / 1024.0, pssEndKb / 1024.0, statusWrites, statusWritesPerSecond(), maxStatusAgeMillis,
                catchUpMillis, processCpuMillis, percentOfCore(processCpuMillis), agentCpuMillis,
                percentOfCore(agentCpuMillis));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modems", modems);
        json.put("rate_per_modem", ratePerModem);
        json.put("seconds", seconds);
        json.put("indications_sent", sent);
        json.put("indications_delivered", delivered);
        json.put("delivered_per_second", deliveredPerSecond());
        json.put("backlog_early_median", backlogEarlyMedian);
        json.put("backlog_late_median", backlogLateMedian);
        json.put("backlog_max", backlogMax);
        json.put("backlog_settled", backlogSettled);
        json.put("heap_start_bytes", heapStartBytes);
        json.put("heap_end_bytes", heapEndBytes);
        json.put("pss_start_kb", pssStartKb);
        json.put("pss_end_kb", pssEndKb);
        json.put("status_writes", statusWrites);
        json.put("status_writes_per_second", statusWritesPerSecond());
        json.put("max_status_age_ms", maxStatusAgeMillis);
        json.put("catch_up_ms", catchUpMillis);
        json.put("process_cpu_ms", processCpuMillis);
        json.put("agent_cpu_ms", agentCpuMillis);
        return json;
    }

    private double percentOfCore(long cpuMillis) {
        return 100.0 * cpuMillis / (seconds * 1000);
    }
}
