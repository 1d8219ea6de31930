package org.wwan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRunTest {

    @Test
    void everySectionHasItsOwnKeyAndALatencyRunSelectsOnlyTheLatencySection() {
        assertEquals(List.of("latency", "indication", "snapshot", "memory", "idle", "start-up", "disk"),
                keys(BenchRun.allSections()));
        // "indication latency" contains the word too; selecting by title words ran both.
        assertEquals(List.of("latency"), keys(BenchRun.sectionsFor(List.of("latency"))));
        assertEquals(List.of("memory", "idle"), keys(BenchRun.sectionsFor(List.of("idle", "memory"))));
        assertEquals(keys(BenchRun.allSections()), keys(BenchRun.sectionsFor(List.of())));
    }

    private static List<String> keys(List<Section> sections) {
        return sections.stream().map(Section::key).toList();
    }

    @Test
    void anUnknownSectionIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchRun.checkedSectionKeys(List.of("memory", "latncy")));
        assertTrue(e.getMessage().contains("'latncy'"), e.getMessage());
        assertTrue(e.getMessage().contains("latency, indication, snapshot, memory, idle, start-up, disk"),
                e.getMessage());
    }
}
