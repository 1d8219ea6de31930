package org.wwan4j.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The live members of a process group, found by scanning {@code /proc}. The harness starts each contender in its own
 * group (setsid), so a group is exactly "everything this contender runs": ModemManager with the qmi-proxy it
 * spawned, or a polling loop with the qmicli it is running right now.
 */
public final class ProcessGroup {

    private ProcessGroup() {}

    public static List<ProcStat> members(long processGroup) {
        List<ProcStat> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    ProcStat stat = ProcStat.read(Long.parseLong(entry.getFileName().toString()));
                    if (stat.processGroup() == processGroup) {
                        members.add(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended between listing and reading: it is not a member any more.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return members;
    }

    /** Sum of the members' PSS in kB; members that end while being read count as zero. */
    public static long pssKb(long processGroup) {
        long total = 0;
        for (ProcStat member : members(processGroup)) {
            try {
                total += SmapsRollup.pssKb(member.pid());
            } catch (IOException gone) {
                // ended meanwhile
            }
        }
        return total;
    }
}
