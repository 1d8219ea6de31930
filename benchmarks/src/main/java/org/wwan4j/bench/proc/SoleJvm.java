package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.file.Path;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;

/**
 * A JVM's proportional set size as if it were the only Java process on the machine, as the agent is on an edge
 * device. Plain PSS splits a file's resident pages among every process that maps it, and on the bench machine the
 * harness, the emulators and the build share the measured JVM's {@code libjvm.so}, JDK modules and class-data
 * archive: its PSS would come out many megabytes below what the same process costs alone. So the files the JVM
 * brings (everything under its home, and class-data archives wherever they are) count with all their resident
 * pages; system libraries (libc, GLib, libqmi) keep their shared PSS, as they would on a device where
 * ModemManager or anything else maps them too.
 */
public record SoleJvm(Path jdkHome) {

    private static final String ARCHIVE_SUFFIX = ".jsa";

    /** The JVM started by {@code javaBinary} ({@code HOME/bin/java}). */
    public static SoleJvm of(Path javaBinary) {
        return new SoleJvm(javaBinary.toAbsolutePath().getParent().getParent());
    }

    /** Whether the mapping is a file the JVM brings, not one the system shares. */
    public boolean owns(Mapping mapping) {
        return mapping.fileBacked()
                && (mapping.name().endsWith(ARCHIVE_SUFFIX) || Path.of(mapping.name()).startsWith(jdkHome));
    }

    /** What the mapping counts: all its resident pages if the JVM brings the file, else its PSS. */
    public long kb(Mapping mapping) {
        return owns(mapping) ? mapping.rssKb() : mapping.pssKb();
    }

    /** The process's size counted this way, in kB. */
    public long pssKb(long pid) throws IOException {
        long total = 0;
        for (Mapping mapping : SmapsMappings.read(pid)) {
            total += kb(mapping);
        }
        return total;
    }
}
