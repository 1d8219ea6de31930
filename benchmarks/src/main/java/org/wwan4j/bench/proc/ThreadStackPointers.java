package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack pointer of every thread of a process that is blocked, from {@code /proc/PID/task/TID/syscall}
 * ("nr args... sp pc", or "-1 sp pc" outside a system call, or "running"). It finds the stacks of threads the JVM
 * did not start (GLib's worker threads, say): glibc maps them anonymously, so without this they would look like
 * malloc arenas. Reading the file needs the right to ptrace the process; where it is refused the list is shorter.
 */
public final class ThreadStackPointers {

    private static final int MIN_FIELDS = 3; // "-1 sp pc"

    private ThreadStackPointers() {}

    /** The stack pointer in one syscall file's text, or -1 when the thread is running or the text is not one. */
    static long parse(String syscall) {
        String[] fields = syscall.trim().split("\\s+");
        if (fields.length < MIN_FIELDS || !fields[fields.length - 2].startsWith("0x")) {
            return -1;
        }
        return Long.parseUnsignedLong(fields[fields.length - 2].substring(2), 16);
    }

    public static List<Long> of(long pid) {
        List<Long> pointers = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    long pointer = parse(Files.readString(task.resolve("syscall")));
                    if (pointer >= 0) {
                        pointers.add(pointer);
                    }
                } catch (IOException | RuntimeException refusedOrGone) {
                    // no ptrace right, or the thread ended: its stack stays unattributed
                }
            }
        } catch (IOException gone) {
            // the process ended; the caller's other reads will say so
        }
        return pointers;
    }
}
