package org.wwan4j.bench.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * The mappings of a JVM as {@code jcmd PID System.map} prints them (JDK 22 and later), reduced to what NMT knows
 * about each: its "vm info" column, a tag such as {@code JAVAHEAP}, {@code META}, {@code CLASS}, {@code CODE},
 * {@code CDS}, {@code GC} or {@code STACK-<tid>-<thread name>}, or "-" for memory the JVM did not reserve itself
 * (glibc's arenas, shared libraries). Only filled in when the JVM runs with -XX:NativeMemoryTracking.
 */
public final class SystemMap {

    /** One mapping's address range and NMT tag; the tag is null where the JVM printed "-". */
    public record Region(long start, long end, String tag) { }

    private static final String HEX_PREFIX = "0x";
    private static final String NO_TAG = "-";
    // from-to, vsize, prot, rss, hugetlb, pgsz, notes, vm info, file (the file may hold spaces, so it is the rest)
    private static final int COLUMNS = 9;
    private static final int INFO_COLUMN = 7;

    private SystemMap() {}

    public static List<Region> parse(String systemMap) {
        List<Region> regions = new ArrayList<>();
        for (String line : systemMap.split("\n")) {
            if (!line.startsWith(HEX_PREFIX)) {
                continue; // the legend, the column header and the totals
            }
            String[] columns = line.trim().split("\\s+", COLUMNS);
            if (columns.length < COLUMNS - 1) {
                continue;
            }
            String[] range = columns[0].split("-");
            regions.add(new Region(hex(range[0]), hex(range[1]), tag(columns[INFO_COLUMN])));
        }
        return regions;
    }

    /** The first of the tags of a mapping holding several NMT regions ("A,B"), or null for "-". */
    private static String tag(String info) {
        if (info.equals(NO_TAG)) {
            return null;
        }
        int comma = info.indexOf(',');
        return comma < 0 ? info : info.substring(0, comma);
    }

    private static long hex(String address) {
        return Long.parseUnsignedLong(address.startsWith(HEX_PREFIX) ? address.substring(2) : address, 16);
    }
}
