package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each thread of a process did between two snapshots: CPU ticks ({@code /proc/PID/task/TID/stat}) and
 * voluntary context switches ({@code .../status}), i.e. how often it woke up. An idle process should show few of
 * either; the busiest threads name what keeps it awake (a timer, a poll loop, the GC).
 */
public final class ThreadActivity {

    /** One thread's counters at one moment. */
    public record Counters(String name, long cpuTicks, long wakeUps) { }

    /** One thread's share of a window. */
    public record Usage(String name, long cpuTicks, long wakeUps) {
        @Override
        public String toString() {
            return name + " " + Math.round(ClockTicks.toMillis(cpuTicks)) + " ms/" + wakeUps + " wake-ups";
        }
    }

    private static final String VOLUNTARY_SWITCHES = "voluntary_ctxt_switches:";

    private ThreadActivity() {}

    /** Every thread of the process now, by thread id; threads that end while being read are left out. */
    public static Map<Long, Counters> snapshot(long pid) throws IOException {
        Map<Long, Counters> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(task.resolve("stat")));
                    long wakeUps = voluntarySwitches(Files.readAllLines(task.resolve("status")));
                    threads.put(stat.pid(), new Counters(stat.command(), stat.cpuTicks(), wakeUps));
                } catch (NoSuchFileException ended) {
                    // the thread ended between listing and reading
                }
            }
        }
        return threads;
    }

    static long voluntarySwitches(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith(VOLUNTARY_SWITCHES)) {
                return Long.parseLong(line.substring(VOLUNTARY_SWITCHES.length()).trim());
            }
        }
        return 0;
    }

    /**
     * The window's usage per thread name (threads of one name, e.g. a pool, summed; a thread born in the window
     * counts from zero), busiest first, threads that neither ran nor woke left out.
     */
    public static List<Usage> between(Map<Long, Counters> before, Map<Long, Counters> after) {
        Map<String, long[]> byName = new HashMap<>();
        after.forEach((tid, now) -> {
            Counters then = before.getOrDefault(tid, new Counters(now.name(), 0, 0));
            long[] sums = byName.computeIfAbsent(now.name(), name -> new long[2]);
            sums[0] += now.cpuTicks() - then.cpuTicks();
            sums[1] += now.wakeUps() - then.wakeUps();
        });
        List<Usage> usage = new ArrayList<>();
        byName.forEach((name, sums) -> {
            if (sums[0] > 0 || sums[1] > 0) {
                usage.add(new Usage(name, sums[0], sums[1]));
            }
        });
        usage.sort(Comparator.comparingLong(Usage::cpuTicks).thenComparingLong(Usage::wakeUps).reversed());
        return usage;
    }

    /** The first {@code limit} entries as one line, for a report note. */
    public static String describe(List<Usage> usage, int limit) {
        return usage.stream().limit(limit).map(Usage::toString).collect(Collectors.joining(", "));
    }
}
