package org.wwan4j.bench.disk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.BenchPlan;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;
import org.wwan4j.bench.report.TableReport;

class DiskSectionTest {

    @TempDir
    Path dir;

    /** A Java runtime without jlink (a JRE): the java of this JDK, alone in a bin directory. */
    private Path jreOnly() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jre/bin"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        return bin.getParent();
    }

    @Test
    void withoutJlinkEveryDiskFigureIsMissingWithTheReason() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        BenchEnvironment environment = new BenchEnvironment(root, dir, Path.of("java"), "");
        BenchContext context = new BenchContext(environment, BenchPlan.quickPlan(), List.of(), null);
        BenchReport report = new BenchReport();

        new DiskSection(jreOnly(), dir.resolve("runtime")).run(context, report);

        for (String key : ReportKeys.DISK_KEYS) {
            Metric metric = report.get(key);
            assertFalse(metric.present(), key);
            assertTrue(metric.reason().contains("jlink"), metric::reason);
        }
        assertTrue(TableReport.render(report).contains("runtime (jlink image + start script)"));
    }
}
