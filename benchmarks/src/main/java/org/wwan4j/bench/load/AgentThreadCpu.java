package org.wwan4j.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the agent's own threads, apart from the emulators sharing the JVM: the agent and supervisor threads
 * ({@code wwan-*}), the bindings' GLib loop ({@code wwan4j-glib}) and callback threads ({@code wwan4j-callback-*}).
 * A thread that ended between two snapshots loses its share (callback threads only end after 30 s idle).
 */
final class AgentThreadCpu {

    private static final List<String> AGENT_THREAD_PREFIXES = List.of("wwan-", "wwan4j-glib", "wwan4j-callback-");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds per live agent thread id. */
    Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && AGENT_THREAD_PREFIXES.stream().anyMatch(info.getThreadName()::startsWith)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    static long millisBetween(Map<Long, Long> start, Map<Long, Long> end) {
        long nanos = 0;
        for (Map.Entry<Long, Long> thread : end.entrySet()) {
            nanos += thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
        }
        return nanos / 1_000_000;
    }
}
