package org.wwan4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.report.ReportKeys;

/** The soak's report: every key under "soak", a missing figure null with its reason, the text naming the probe. */
class SoakFiguresTest {

    private final SoakFigures figures = new SoakFigures(3, "none", 181,
            new SoakStatistics(41_000L, 41_500L, 41_234.56, 41_000L, 42_000L, List.of(45_000L, 41_000L, 41_200L,
                    41_500L)), 1, 4, List.of("a note"));

    @Test
    @SuppressWarnings("unchecked")
    void theJsonHasEveryKeyUnderSoak() {
        Map<String, Object> json = figures.toJson();
        Map<String, Object> soak = (Map<String, Object>) json.get("soak");
        assertEquals(ReportKeys.SOAK_KEYS.size(), soak.size());
        for (String key : ReportKeys.SOAK_KEYS) {
            assertTrue(soak.containsKey(key.substring("soak.".length())), key);
        }
        assertEquals(41_000L, soak.get("agent_pss_kb_30s"));
        assertEquals(41_234.6, soak.get("agent_pss_kb_avg"));
        assertEquals(List.of(45_000L, 41_000L, 41_200L, 41_500L), soak.get("pss_kb_per_minute"));
        assertEquals(1, soak.get("reconnects"));
        assertEquals("none", soak.get("probe"));
        assertEquals(Map.of(), json.get("missing"));
        assertEquals(List.of("a note"), json.get("notes"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMissingFigureIsNullWithItsReason() {
        SoakFigures shortRun = new SoakFigures(1, "none", 61,
                new SoakStatistics(41_000L, 41_100L, null, null, null, List.of(41_000L, 41_100L)), 0, 0, List.of());
        Map<String, Object> json = shortRun.toJson();
        assertNull(((Map<String, Object>) json.get("soak")).get("agent_pss_kb_avg"));
        Map<String, Object> missing = (Map<String, Object>) json.get("missing");
        assertEquals(SoakFigures.NO_SETTLED_SAMPLE, missing.get(ReportKeys.SOAK_PSS_AVG));
        assertEquals(3, missing.size());
        assertTrue(shortRun.toText().contains("n/a (" + SoakFigures.NO_SETTLED_SAMPLE + ")"), shortRun.toText());
    }

    @Test
    void theTextShowsEveryFigure() {
        String text = figures.toText();
        for (String expected : new String[] {"for 3 min", "connectivity probe", "181",
                "40.0 MB (41000 kB)", "41500 kB", "(41235 kB) / 40.0 MB (41000 kB) / 41.0 MB (42000 kB)", "reconnects                     1 (4 s",
                "45000 41000 41200 41500", "note: a note"}) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in\n" + text);
        }
    }
}
