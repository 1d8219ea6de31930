package org.wwan4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load report: rates derived from the counts, every figure in the text and under a stable JSON key. */
class LoadFiguresTest {

    private final LoadFigures figures = new LoadFigures(8, 100, 120.0, 96_000, 95_990, 24, 25, 60, 24,
            10L << 20, 11L << 20, 100 * 1024, 120 * 1024, 480, 300, 51, 45_000, 21_000);

    @Test
    void ratesComeFromTheCountsAndTheStormLength() {
        assertEquals(95_990 / 120.0, figures.deliveredPerSecond(), 1e-9);
        assertEquals(4.0, figures.statusWritesPerSecond(), 1e-9);
    }

    @Test
    void theTextShowsEveryFigure() {
        String text = figures.toText();
        for (String expected : new String[] {"8 modems x 100 indications/s for 120 s", "96000 / 95990", "799.9/s",
                "median early 24, late 25, max 60, settled 24", "10.0 MiB -> 11.0 MiB", "100.0 MiB -> 120.0 MiB",
                "480 (4.00/s)", "300 ms", "51 ms", "45000 ms (37.5 % of one core)", "21000 ms (17.5 % of one core)"}) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in\n" + text);
        }
    }

    @Test
    void theJsonHasStableKeys() {
        Map<String, Object> json = figures.toJson();
        assertEquals(95_990L, json.get("indications_delivered"));
        assertEquals(60, json.get("backlog_max"));
        assertEquals(480L, json.get("status_writes"));
        assertEquals(21_000L, json.get("agent_cpu_ms"));
        assertEquals(20, json.size());
    }
}
