package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.proc.Jcmd;
import org.wwan4j.bench.proc.NativeMemorySummary;
import org.wwan4j.bench.proc.SmapsMappings;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;
import org.wwan4j.bench.proc.SystemMap;
import org.wwan4j.bench.proc.ThreadStackPointers;

/**
 * Where a live JVM's PSS goes, read from outside: the NMT tag of each mapping ({@code jcmd System.map}), the thread
 * stack pointers, each mapping's PSS ({@code /proc/PID/smaps}), then NMT's summary for the figures PSS cannot
 * show (malloc the JVM holds, metaspace used, classes, threads). The JVM must run with
 * {@code -XX:NativeMemoryTracking=summary}; otherwise jcmd says so and that is the failure's reason.
 */
public record JvmMemoryBreakdown(PssBreakdown pss, NativeMemorySummary nmt, List<String> archives) {

    private static final String ARCHIVE_SUFFIX = ".jsa";
    private static final String HEAP_TAG = "JAVAHEAP";

    /**
     * Reads a JVM started by {@code javaBinary} with the jcmd beside {@code jcmdJava} (a runtime image has no jcmd;
     * the JDK it was linked from attaches to it).
     */
    public static JvmMemoryBreakdown read(Path jcmdJava, Path javaBinary, long pid) throws Exception {
        Jcmd jcmd = new Jcmd(jcmdJava);
        List<SystemMap.Region> regions = SystemMap.parse(jcmd.run(pid, "System.map"));
        if (regions.stream().noneMatch(region -> HEAP_TAG.equals(region.tag()))) {
            throw new IOException("jcmd System.map gave no NMT tags (no " + HEAP_TAG + " mapping)");
        }
        List<Long> stackPointers = ThreadStackPointers.of(pid);
        List<Mapping> mappings = SmapsMappings.read(pid);
        NativeMemorySummary nmt = NativeMemorySummary.parse(jcmd.run(pid, "VM.native_memory", "summary", "scale=KB"));
        Path jdkHome = javaBinary.toAbsolutePath().getParent().getParent();
        PssBreakdown pss = PssBreakdown.of(mappings, regions, stackPointers, nmt.trackingKb(),
                new MappingClassifier(jdkHome));
        List<String> archives = mappings.stream().filter(m -> m.fileBacked() && m.name().endsWith(ARCHIVE_SUFFIX))
                .map(m -> Path.of(m.name()).getFileName().toString()).distinct().toList();
        return new JvmMemoryBreakdown(pss, nmt, archives);
    }

    /**
     * Every figure under its report name (the last part of {@code memory.breakdown.<kind>.<name>}), in report
     * order: the components in kB, their total, then NMT's context figures.
     */
    public Map<String, Long> figures() {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (MemoryComponent component : MemoryComponent.values()) {
            figures.put(component.key() + "_kb", pss.kb(component));
        }
        figures.put("total_kb", pss.totalKb());
        figures.put("jvm_malloc_in_use_kb", nmt.mallocKb());
        figures.put("metaspace_used_kb", nmt.metaspaceUsedKb());
        figures.put("classes_loaded", nmt.classes());
        figures.put("threads", nmt.threads());
        return figures;
    }
}
