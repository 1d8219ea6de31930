package org.wwan4j.bench.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;
import org.wwan4j.bench.proc.SystemMap.Region;

/**
 * A process's PSS split into {@link MemoryComponent components}: every smaps mapping is joined with the NMT tag
 * System.map gave the same addresses and classified, and its PSS added to its component. NMT's own memory (its
 * "Native Memory Tracking" category, malloc'd) is taken out of {@code malloc}, so the total is what the same process
 * would have without tracking, comparable with a measurement taken without it.
 */
public record PssBreakdown(Map<MemoryComponent, Long> componentsKb) {

    public PssBreakdown {
        componentsKb = Collections.unmodifiableMap(new EnumMap<>(componentsKb));
    }

    public static PssBreakdown of(List<Mapping> mappings, List<Region> regions, Collection<Long> stackPointers,
                                  long trackingKb, MappingClassifier classifier) {
        NavigableMap<Long, Region> byStart = new TreeMap<>();
        regions.forEach(region -> byStart.put(region.start(), region));
        Map<MemoryComponent, Long> sums = new EnumMap<>(MemoryComponent.class);
        for (MemoryComponent component : MemoryComponent.values()) {
            sums.put(component, 0L);
        }
        for (Mapping mapping : mappings) {
            boolean holdsStack = stackPointers.stream().anyMatch(mapping::contains);
            MemoryComponent component = classifier.classify(mapping, tagOf(mapping, byStart), holdsStack);
            sums.merge(component, classifier.countedKb(mapping), Long::sum);
        }
        sums.merge(MemoryComponent.MALLOC, -Math.min(trackingKb, sums.get(MemoryComponent.MALLOC)), Long::sum);
        return new PssBreakdown(sums);
    }

    /** The tag of the System.map line covering the mapping's start (the two reads may split mappings differently). */
    private static String tagOf(Mapping mapping, NavigableMap<Long, Region> byStart) {
        Map.Entry<Long, Region> covering = byStart.floorEntry(mapping.start());
        if (covering == null || covering.getValue().end() <= mapping.start()) {
            return null;
        }
        return covering.getValue().tag();
    }

    public long kb(MemoryComponent component) {
        return componentsKb.getOrDefault(component, 0L);
    }

    /** The sum of the components: the process's PSS less NMT's own memory. */
    public long totalKb() {
        return componentsKb.values().stream().mapToLong(Long::longValue).sum();
    }
}
