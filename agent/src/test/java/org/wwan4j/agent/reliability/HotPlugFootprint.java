package org.wwan4j.agent.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the process holds at one moment, for the hot-plug loop's before/after comparison: native threads (the JVM's
 * and any GLib starts), open file descriptors, Java heap in use after a full GC, resident memory, and the bytes
 * malloc has handed out and not got back (GLib, libqmi and libmbim allocate there, as does the JVM itself).
 *
 * @param threads     native threads of the process ({@code Threads:} in /proc/self/status)
 * @param fds         entries in /proc/self/fd
 * @param heapAfterGc bytes of Java heap in use after {@link System#gc()}
 * @param rss         resident bytes ({@code VmRSS:})
 * @param mallocInUse bytes in use from malloc ({@code mallinfo2().uordblks + hblkhd}), or -1 without glibc 2.33+
 */
record HotPlugFootprint(long threads, long fds, long heapAfterGc, long rss, long mallocInUse) {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");
    private static final Path PROC_FDS = Path.of("/proc/self/fd");
    /** Full collections per sample: the second one collects what finalisation and Cleaners released in the first. */
    private static final int GC_ROUNDS = 3;
    private static final long BYTES_PER_KB = 1024;
    /** {@code struct mallinfo2}: ten size_t fields; hblkhd (mmapped blocks) is the 5th, uordblks (in use) the 8th. */
    private static final MemoryLayout MALLINFO2 = MemoryLayout.structLayout(ValueLayout.JAVA_LONG.withName("arena"),
            ValueLayout.JAVA_LONG.withName("ordblks"), ValueLayout.JAVA_LONG.withName("smblks"),
            ValueLayout.JAVA_LONG.withName("hblks"), ValueLayout.JAVA_LONG.withName("hblkhd"),
            ValueLayout.JAVA_LONG.withName("usmblks"), ValueLayout.JAVA_LONG.withName("fsmblks"),
            ValueLayout.JAVA_LONG.withName("uordblks"), ValueLayout.JAVA_LONG.withName("fordblks"),
            ValueLayout.JAVA_LONG.withName("keepcost"));
    private static final int HBLKHD = 4;
    private static final int UORDBLKS = 7;
    private static final Optional<MethodHandle> MALLINFO = Linker.nativeLinker().defaultLookup().find("mallinfo2")
            .map(address -> Linker.nativeLinker().downcallHandle(address, FunctionDescriptor.of(MALLINFO2)));

    static HotPlugFootprint sample() {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new HotPlugFootprint(statusField("Threads:"), countFds(), heap,
                statusField("VmRSS:") * BYTES_PER_KB, readMallocInUse());
    }

    /** This sample minus an earlier one. */
    HotPlugFootprint minus(HotPlugFootprint before) {
        return new HotPlugFootprint(threads - before.threads, fds - before.fds, heapAfterGc - before.heapAfterGc,
                rss - before.rss, mallocInUse - before.mallocInUse);
    }

    @Override
    public String toString() {
        return "threads=" + threads + " fds=" + fds + " heapAfterGc=" + kib(heapAfterGc) + " KiB rss=" + kib(rss)
                + " KiB mallocInUse=" + kib(mallocInUse) + " KiB";
    }

    private static long kib(long bytes) {
        return bytes / BYTES_PER_KB;
    }

    private static long readMallocInUse() {
        if (MALLINFO.isEmpty()) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) MALLINFO.get().invokeExact((SegmentAllocator) arena);
            return info.getAtIndex(ValueLayout.JAVA_LONG, UORDBLKS) + info.getAtIndex(ValueLayout.JAVA_LONG, HBLKHD);
        } catch (Throwable e) {
            throw new IllegalStateException("mallinfo2", e);
        }
    }

    private static long countFds() {
        try (Stream<Path> fds = Files.list(PROC_FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A numeric field of /proc/self/status ("Threads:  23", "VmRSS:  123456 kB"). */
    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(PROC_STATUS + " has no " + name);
    }
}
