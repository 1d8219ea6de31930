package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Proportional set size from {@code /proc/PID/smaps_rollup}: a process's private pages plus its share of pages it
 * maps together with others (libglib, libqmi, the JDK's libjvm). PSS is what sums honestly across several
 * processes (ModemManager + dbus-daemon + qmi-proxy), which RSS would double count.
 */
public final class SmapsRollup {

    private static final String PSS_FIELD = "Pss:";

    private SmapsRollup() {}

    /** The Pss line of a smaps_rollup text, in kB; empty if there is none. */
    public static OptionalLong parsePssKb(String smapsRollup) {
        for (String line : smapsRollup.split("\n")) {
            if (line.startsWith(PSS_FIELD)) {
                String[] parts = line.substring(PSS_FIELD.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** The PSS of a live process, in kB. */
    public static long pssKb(long pid) throws IOException {
        Path file = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        return parsePssKb(Files.readString(file))
                .orElseThrow(() -> new IOException("no Pss line in " + file));
    }
}
