package org.wwan4j.mbim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wwan4j.glib.Upcalls;

/** What the robustness tests watch for growth: resident memory, live threads, registered upcall handlers. */
record ResourceUsage(long rssKb, int threads, int handlers) {

    static ResourceUsage now() {
        return new ResourceUsage(readRssKb(), Thread.activeCount(), Upcalls.registeredHandlers());
    }

    private static long readRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
