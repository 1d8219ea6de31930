package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every mapping of a process with its own PSS, from {@code /proc/PID/smaps}: what {@link SmapsRollup} sums, kept
 * apart so each mapping can be attributed (the Java heap, libqmi's code, a glibc arena...). The PSS of all mappings
 * adds up to the rollup's, give or take the pages that change between the two reads.
 */
public final class SmapsMappings {

    /**
     * One mapping: its address range, permissions ({@code rw-p}), what it maps (a file's absolute path, a kernel
     * name such as {@code [heap]}, or empty for anonymous memory), its PSS and its RSS in kB.
     */
    public record Mapping(long start, long end, String permissions, String name, long pssKb, long rssKb) {

        /** A mapping whose pages no other process maps: its RSS is its PSS. */
        public Mapping(long start, long end, String permissions, String name, long pssKb) {
            this(start, end, permissions, name, pssKb, pssKb);
        }

        public boolean fileBacked() {
            return name.startsWith("/");
        }

        public boolean anonymous() {
            return name.isEmpty();
        }

        public boolean contains(long address) {
            return address >= start && address < end;
        }
    }

    // start-end perms offset dev inode [name]; the name may contain spaces (a deleted file: "/x (deleted)").
    private static final Pattern HEADER =
            Pattern.compile("^([0-9a-f]+)-([0-9a-f]+)\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+\\S+\\s*(.*)$");
    private static final String PSS_FIELD = "Pss:";
    private static final String RSS_FIELD = "Rss:";

    private SmapsMappings() {}

    public static List<Mapping> parse(String smaps) {
        List<Mapping> mappings = new ArrayList<>();
        long start = 0;
        long end = 0;
        String permissions = null;
        String name = null;
        long pss = 0;
        long rss = 0;
        for (String line : smaps.split("\n")) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (permissions != null) {
                    mappings.add(new Mapping(start, end, permissions, name, pss, rss));
                }
                start = Long.parseUnsignedLong(header.group(1), 16);
                end = Long.parseUnsignedLong(header.group(2), 16);
                permissions = header.group(3);
                name = header.group(4).trim();
                pss = 0;
                rss = 0;
            } else if (line.startsWith(PSS_FIELD)) {
                pss = kb(line, PSS_FIELD);
            } else if (line.startsWith(RSS_FIELD)) {
                rss = kb(line, RSS_FIELD);
            }
        }
        if (permissions != null) {
            mappings.add(new Mapping(start, end, permissions, name, pss, rss));
        }
        return mappings;
    }

    private static long kb(String line, String field) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
    }

    public static List<Mapping> read(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "smaps")));
    }
}
