package org.wwan4j.glib;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands the kernel back the file-backed pages this process only needed to start: the parts of {@code libjvm.so}
 * that load and link classes, the class-data archive's records of classes used once, libqmi's code for messages
 * never sent. They are clean copies of files, so the kernel may drop them whenever it likes and read them again on
 * the next touch, but until memory runs short it keeps them, and they count in the process's resident and
 * proportional set for as long as it runs. {@code madvise(MADV_PAGEOUT)} drops them now; the pages a running daemon
 * uses come back on their first touch and stay. Pages another process maps too (libc, a second JVM's libjvm) are
 * left alone by the kernel, and so are written (anonymous) pages, which this never touches without swap.
 *
 * <p>The mapping also gets {@code MADV_RANDOM}: a page faulted back then reads that page alone, not the read-ahead
 * window around it, so a daemon touching one method does not bring its neighbours back with it. And each file's
 * cached pages that no process maps are dropped ({@code posix_fadvise(POSIX_FADV_DONTNEED)}): on a fault the kernel
 * maps whatever of the file is still cached around the faulting page (fault-around: 64 kB; a whole large folio of
 * the page cache, up to 2 MB, on recent kernels), and the pages start-up's read-ahead cached without this process
 * mapping them came back that way: 5 MB of the class-data archives within two minutes of the trim (benchmarks/
 * README.md, "Footprint levers, fourth round"). Pages other processes map stay cached. Linux
 * 5.4 or later; elsewhere (or on a C library without {@code madvise}) this does nothing.
 */
@SuppressWarnings("restricted") // binding libc is this class's purpose; the launcher enables native access
public final class FilePages {

    private static final Linker LINKER = Linker.nativeLinker(); // first: the handles below are made with it
    private static final int MADV_RANDOM = 1;
    private static final int MADV_PAGEOUT = 21;
    private static final MethodHandle MADVISE = libc("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final int POSIX_FADV_DONTNEED = 4;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final MethodHandle OPEN = libc("open", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2)); // no mode: no O_CREAT
    private static final MethodHandle FADVISE = libc("posix_fadvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = libc("close", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT));
    private static final Path MAPS = Path.of("/proc/self/maps");

    private FilePages() {
    }

    /** A C library function, or null where the C library lacks it. */
    private static MethodHandle libc(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, options)).orElse(null);
    }

    /** Advises every file-backed mapping of this process out of memory; returns the bytes advised, or 0. */
    public static long pageOut() {
        if (MADVISE == null) {
            return 0;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(MAPS);
        } catch (IOException e) {
            return 0; // no procfs: nothing to go by
        }
        long advised = 0;
        Set<String> files = new LinkedHashSet<>();
        for (String line : lines) {
            Mapping mapping = Mapping.parse(line);
            if (mapping != null && advise(mapping.start, mapping.length(), MADV_RANDOM)
                    && advise(mapping.start, mapping.length(), MADV_PAGEOUT)) {
                advised += mapping.length();
                files.add(mapping.path);
            }
        }
        files.forEach(FilePages::dropUnmappedCache);
        return advised;
    }

    /** Drops the file's cached pages no process maps; a file that cannot be opened (gone, replaced) is skipped. */
    private static void dropUnmappedCache(String file) {
        if (OPEN == null || FADVISE == null || CLOSE == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                return;
            }
            try {
                int error = (int) FADVISE.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED); // advice: failing changes nothing
            } finally {
                int closed = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("posix_fadvise failed", e);
        }
    }

    private static boolean advise(long start, long length, int advice) {
        try {
            return (int) MADVISE.invokeExact(MemorySegment.ofAddress(start), length, advice) == 0;
        } catch (Throwable e) {
            throw new IllegalStateException("madvise failed", e);
        }
    }

    /** One line of {@code /proc/self/maps} that names a file: {@code start-end perms offset dev inode path}. */
    record Mapping(long start, long end, String path) {

        long length() {
            return end - start;
        }

        /** The mapping of a file on disk, or null for anonymous memory, the heap, stacks and kernel pseudo-files. */
        static Mapping parse(String line) {
            String[] fields = line.trim().split("\\s+", 6);
            if (fields.length < 6 || !fields[5].startsWith("/") || fields[5].endsWith(" (deleted)")
                    || fields[5].startsWith("/dev/") || fields[5].startsWith("/proc/") || fields[5].startsWith("/sys/")
                    || fields[1].charAt(3) == 's') {
                return null; // shared writable mappings are another process's data: never advised
            }
            int dash = fields[0].indexOf('-');
            return new Mapping(Long.parseUnsignedLong(fields[0], 0, dash, 16),
                    Long.parseUnsignedLong(fields[0], dash + 1, fields[0].length(), 16), fields[5]);
        }
    }
}
