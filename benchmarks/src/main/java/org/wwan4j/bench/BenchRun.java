package org.wwan4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.bench.agent.StartupSection;
import org.wwan4j.bench.disk.DiskSection;
import org.wwan4j.bench.idle.IdleSection;
import org.wwan4j.bench.indication.IndicationSection;
import org.wwan4j.bench.latency.LatencySection;
import org.wwan4j.bench.memory.MemorySection;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.JsonReport;
import org.wwan4j.bench.report.LatencyChart;
import org.wwan4j.bench.report.TableReport;
import org.wwan4j.bench.snapshot.SnapshotSection;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * One run: start the emulated modems in this JVM, run every section in order, always stop the modems, print.
 * The order matters: latency first (it warms the page cache that the memory section assumes), memory before the
 * idle window (so the idle figures are not disturbed by other processes of the run), disk last (jlink and gzip
 * would load the machine under every other figure). A run of only sections that need no modem starts none.
 */
final class BenchRun {

    private final BenchEnvironment environment;
    private final BenchPlan plan;
    private final List<String> only;

    /**
     * {@code only}: the keys of the sections to run ({@link Section#key()}); empty runs every section.
     *
     * @throws IllegalArgumentException naming a word that is no section's key, and the keys there are
     */
    BenchRun(BenchEnvironment environment, BenchPlan plan, List<String> only) {
        this.environment = environment;
        this.plan = plan;
        this.only = checkedSectionKeys(only);
    }

    /** The sections of a full run, in the order they run (the class comment says why). */
    static List<Section> allSections() {
        return List.of(new LatencySection(), new IndicationSection(), new SnapshotSection(), new MemorySection(),
                new IdleSection(), new StartupSection(), new DiskSection());
    }

    static List<String> checkedSectionKeys(List<String> words) {
        List<String> keys = allSections().stream().map(Section::key).toList();
        for (String word : words) {
            if (!keys.contains(word)) {
                throw new IllegalArgumentException("--only: no section is called '" + word + "'; the sections are "
                        + String.join(", ", keys));
            }
        }
        return List.copyOf(words);
    }

    /** The sections a run with these keys makes, in the order they run; no keys: all of them. */
    static List<Section> sectionsFor(List<String> only) {
        return allSections().stream().filter(section -> only.isEmpty() || only.contains(section.key())).toList();
    }

    void runAndPrint(boolean json, Path chartDirectory) throws IOException {
        BenchReport report = run();
        if (json) {
            System.out.println(JsonReport.render(report));
            return;
        }
        System.out.print(TableReport.render(report));
        try {
            Path chart = LatencyChart.write(report, chartDirectory);
            System.out.println(chart == null ? "\nchart: n/a (no latency samples)" : "\nchart: " + chart);
        } catch (IOException | RuntimeException e) {
            System.out.println("\nchart: n/a (" + Failures.reason(e) + ")");
        }
    }

    BenchReport run() {
        BenchReport report = new BenchReport();
        report.machine("started", Instant.now().toString());
        report.machine("quick", plan.quick());
        String extraFlags = BenchEnvironment.extraFlags();
        if (!extraFlags.isEmpty()) {
            report.note("measured JVMs got extra flags (-D" + BenchEnvironment.EXTRA_FLAGS_PROPERTY + " or "
                    + BenchEnvironment.EXTRA_FLAGS_ENV + "): " + extraFlags);
        }
        if (!only.isEmpty()) {
            report.note("only these sections were run: " + String.join(", ", only));
        }
        report.machine("cpus", Runtime.getRuntime().availableProcessors());
        report.machine("load_average_start", loadAverage());
        report.machine("private_network_namespace", System.getenv("WWAN4J_BENCH_PRIVATE_NET") != null);
        report.note("Java contenders use the idiomatic API (QmiDevice/ClientDms/ClientNas, MbimDevice/BasicConnect); "
                + "they run in a child JVM with the launcher's flags, the emulators in the harness.");
        report.note("scratch directory with every child's stderr: " + environment.scratch());
        List<Section> sections = sectionsFor(only);
        boolean modemsNeeded = sections.stream().anyMatch(Section::needsModems);
        List<EmulatedModem> qmiModems = new ArrayList<>();
        EmulatedModem mbimModem = null;
        try {
            if (modemsNeeded) {
                for (int i = 0; i < plan.modems(); i++) {
                    qmiModems.add(EmulatedModem.start(EmulatedProtocol.QMI));
                }
                mbimModem = EmulatedModem.start(EmulatedProtocol.MBIM);
            }
            BenchContext context = new BenchContext(environment, plan, List.copyOf(qmiModems), mbimModem);
            if (modemsNeeded) {
                try {
                    context.prepareAgentArchive();
                } catch (Exception e) {
                    report.note("the agent's class-data archive could not be written first: " + Failures.reason(e));
                }
            }
            for (Section section : sections) {
                long started = System.nanoTime();
                System.err.printf("bench: %s...%n", section.title());
                try {
                    section.run(context, report);
                } catch (Exception e) {
                    report.note(section.title() + " failed: " + Failures.reason(e));
                }
                System.err.printf("bench: %s done in %.1f s%n", section.title(), (System.nanoTime() - started) / 1e9);
            }
        } finally {
            qmiModems.forEach(EmulatedModem::close);
            if (mbimModem != null) {
                mbimModem.close();
            }
        }
        report.machine("load_average_end", loadAverage());
        return report;
    }

    /** The 1-minute load average: how busy the machine was, i.e. how much to trust the figures. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
