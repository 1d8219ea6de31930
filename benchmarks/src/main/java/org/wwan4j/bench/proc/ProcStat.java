package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fields of {@code /proc/PID/stat} the harness needs. The command name (field 2) is in parentheses and may itself
 * contain spaces and parentheses ("(Qmi Proxy))"), so fields are counted from the last ')' on.
 */
public record ProcStat(long pid, String command, char state, long parentPid, long processGroup, long userTicks,
                       long systemTicks, long waitedChildrenUserTicks, long waitedChildrenSystemTicks) {

    // Field numbers from proc(5), 1-based; the first field after the command is field 3.
    private static final int FIRST_FIELD_AFTER_COMMAND = 3;
    private static final int STATE = 3;
    private static final int PPID = 4;
    private static final int PGRP = 5;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int CUTIME = 16;
    private static final int CSTIME = 17;

    public static ProcStat parse(String statLine) {
        int open = statLine.indexOf('(');
        int close = statLine.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + statLine);
        }
        long pid = Long.parseLong(statLine.substring(0, open).trim());
        String command = statLine.substring(open + 1, close);
        String[] rest = statLine.substring(close + 1).trim().split("\\s+");
        return new ProcStat(pid, command, field(rest, STATE).charAt(0), Long.parseLong(field(rest, PPID)),
                Long.parseLong(field(rest, PGRP)), Long.parseLong(field(rest, UTIME)),
                Long.parseLong(field(rest, STIME)), Long.parseLong(field(rest, CUTIME)),
                Long.parseLong(field(rest, CSTIME)));
    }

    public static ProcStat read(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    private static String field(String[] rest, int number) {
        return rest[number - FIRST_FIELD_AFTER_COMMAND];
    }

    /** CPU time spent by the process itself (not its waited-for children), in clock ticks. */
    public long cpuTicks() {
        return userTicks + systemTicks;
    }

    /**
     * CPU time of the process plus that of every child it has waited for: for a shell loop, the loop and all the
     * qmicli processes it ran and reaped.
     */
    public long cpuTicksWithReapedChildren() {
        return cpuTicks() + waitedChildrenUserTicks + waitedChildrenSystemTicks;
    }
}
