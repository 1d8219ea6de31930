package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.wwan4j.bench.proc.SmapsMappings;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;
import org.wwan4j.bench.proc.SystemMap;
import org.wwan4j.bench.proc.SystemMap.Region;

/**
 * Fifteen mappings of an agent managing one emulated modem, as the harness read them (JDK 25, NMT summary): the
 * same addresses in /proc/PID/smaps (Pss and Rss kept of each entry) and in jcmd's System.map. Paths made neutral.
 */
final class AgentMappings {

    static final String SMAPS = """
            a8d95000-a9d8f000 rw-p 00001000 fe:00 2154822                            /tmp/wwan4j-bench-1/cds/agent.jsa
            Rss:               16340 kB
            Pss:               16340 kB
            fe000000-100000000 rw-p 00000000 00:00 0
            Rss:                9872 kB
            Pss:                9872 kB
            55abdbd3e000-55abdbf1e000 rw-p 00000000 00:00 0                          [heap]
            Rss:                 720 kB
            Pss:                 720 kB
            7f935d9ff000-7f935e1ff000 rw-p 00000000 00:00 0
            Rss:                  12 kB
            Pss:                  12 kB
            7f935e1ff000-7f935e200000 ---p 00000000 00:00 0
            Rss:                   0 kB
            Pss:                   0 kB
            7f935e200000-7f935ea00000 rw-p 00000000 00:00 0
            Rss:                   8 kB
            Pss:                   8 kB
            7f935ea99000-7f935ec49000 r-xp 00099000 fe:00 5595158                    /usr/lib/x86_64-linux-gnu/libqmi-glib.so.5.9.0
            Rss:                1176 kB
            Pss:                 588 kB
            7f935eec4000-7f935ef00000 rw-p 00000000 00:00 0
            Rss:                 100 kB
            Pss:                 100 kB
            7f936c000000-7f936cab8000 rw-p 00000000 00:00 0
            Rss:               10316 kB
            Pss:               10316 kB
            7f937029f000-7f937032c000 r-xp 0001d000 fe:00 5595140                    /usr/lib/x86_64-linux-gnu/libglib-2.0.so.0.7400.6
            Rss:                 560 kB
            Pss:                 280 kB
            7f937356b000-7f9373596000 rw-p 0176b000 fe:00 328747                     /opt/jdk-25/lib/server/libjvm.so
            Rss:                 172 kB
            Pss:                 172 kB
            7f9373596000-7f9373612000 rw-p 00000000 00:00 0
            Rss:                 384 kB
            Pss:                 384 kB
            7f9373613000-7f9373623000 rw-p 00000000 00:00 0
            Rss:                  64 kB
            Pss:                  64 kB
            7f937381d000-7f937381e000 r--p 00000000 00:00 0
            Rss:                   4 kB
            Pss:                   4 kB
            7f9373844000-7f9373846000 r-xp 00000000 00:00 0                          [vdso]
            Rss:                   4 kB
            Pss:                   0 kB
            """;

    static final String SYSTEM_MAP = """
            0x00000000a8d95000-0x00000000a9d8f000     16752640 rw-p     16732160            0 4K   com              CDS                                   /tmp/wwan4j-bench-1/cds/agent.jsa
            0x00000000fe000000-0x0000000100000000     33554432 rw-p     10108928            0 4K   com              JAVAHEAP                              -
            0x000055abdbd3e000-0x000055abdbf1e000      1966080 rw-p       737280            0 4K   com              -                                     [heap]
            0x00007f935d9ff000-0x00007f935e1ff000      8388608 rw-p        12288            0 4K   com,nothp        -                                     -
            0x00007f935e1ff000-0x00007f935e200000         4096 ---p            0            0 4K   com,nothp        -                                     -
            0x00007f935e200000-0x00007f935ea00000      8388608 rw-p         8192            0 4K   com,nothp        -                                     -
            0x00007f935ea99000-0x00007f935ec49000      1769472 r-xp      1204224            0 4K   com              -                                     /usr/lib/x86_64-linux-gnu/libqmi-glib.so.5.9.0
            0x00007f935eec4000-0x00007f935ef00000       245760 rw-p       102400            0 4K   com,nothp        STACK-16924-wwan-modem1               -
            0x00007f936c000000-0x00007f936cab8000     11239424 rw-p     10563584            0 4K   -                -                                     -
            0x00007f937029f000-0x00007f937032c000       577536 r-xp       573440            0 4K   com              -                                     /usr/lib/x86_64-linux-gnu/libglib-2.0.so.0.7400.6
            0x00007f937356b000-0x00007f9373596000       176128 rw-p       176128            0 4K   com              -                                     /opt/jdk-25/lib/server/libjvm.so
            0x00007f9373596000-0x00007f9373612000       507904 rw-p       393216            0 4K   com              -                                     -
            0x00007f9373613000-0x00007f9373623000        65536 rw-p        65536            0 4K   com              GC                                    -
            0x00007f937381d000-0x00007f937381e000         4096 r--p         4096            0 4K   com              POLL                                  -
            0x00007f9373844000-0x00007f9373846000         8192 r-xp         4096            0 4K   com              -                                     [vdso]
            """;

    /** Stack pointers of two GLib threads the JVM did not start, from /proc/PID/task/TID/syscall: pool, gmain. */
    static final List<Long> NATIVE_THREAD_STACK_POINTERS = List.of(0x7f935e1fdde8L, 0x7f935e9fee10L);

    /** NMT's "Native Memory Tracking" committed figure in the same agent's summary. */
    static final long NMT_OWN_KB = 552;

    private AgentMappings() {}

    static List<Mapping> mappings() {
        return SmapsMappings.parse(SMAPS);
    }

    static List<Region> regions() {
        return SystemMap.parse(SYSTEM_MAP);
    }
}
