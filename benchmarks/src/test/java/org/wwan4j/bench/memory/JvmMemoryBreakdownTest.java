package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.proc.NativeMemorySummary;
import org.wwan4j.bench.report.ReportKeys;

class JvmMemoryBreakdownTest {

    @Test
    void itsFiguresAreExactlyTheReportsBreakdownKeysInOrder() {
        PssBreakdown pss = PssBreakdown.of(AgentMappings.mappings(), AgentMappings.regions(), List.of(), 0,
                new MappingClassifier(Path.of("/opt/jdk-25")));
        JvmMemoryBreakdown breakdown = new JvmMemoryBreakdown(pss, new NativeMemorySummary(5572, 550, 2830, 3884, 28),
                List.of("classes.jsa", "agent.jsa"));

        assertEquals(ReportKeys.BREAKDOWN_FIGURES, new ArrayList<>(breakdown.figures().keySet()));
        assertEquals(pss.totalKb(), breakdown.figures().get("total_kb"));
        assertEquals(28, breakdown.figures().get("threads"));
    }
}
