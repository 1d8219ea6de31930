package org.wwan4j.bench.memory;

import org.wwan4j.bench.agent.AgentProcess;
import java.util.List;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;

/**
 * Steady-state PSS of every design, in one run, on the same emulated modems. Runs after the latency section, so
 * libqmi, glib and the JDK are in the page cache (warm cache, as DESIGN.md measures).
 */
public final class MemorySection implements Section {

    @Override
    public String title() {
        return "memory";
    }

    @Override
    public String key() {
        return "memory";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        figures(report, List.of(ReportKeys.HOST_JVM_PSS, ReportKeys.EMBEDDED_PSS_1, ReportKeys.EMBEDDED_PSS_8),
                () -> {
            EmbeddedMemory.Result embedded = new EmbeddedMemory(context.environment()).measure(context.qmiDevices());
            return List.of(embedded.hostAloneKb(), embedded.marginalOneKb(), embedded.marginalEightKb());
        });
        figures(report, List.of(ReportKeys.EMBEDDED_FLOOR_FIRST_DOWNCALL, ReportKeys.EMBEDDED_FLOOR_OPEN_PATH,
                ReportKeys.EMBEDDED_FLOOR_DOWNCALLS), () -> {
            DowncallFloorMemory.Result floor = new DowncallFloorMemory(context.environment())
                    .measure(context.firstQmiDevice());
            return List.of(floor.firstLinkKb(), floor.openPathLinksKb(), (long) floor.downcalls());
        });
        AgentRuntime.Choice agentRuntime = AgentRuntime.choose(context.environment());
        report.note(agentRuntime.note());
        try {
            context.dropBearers();
            AgentProcess.writeArchive(agentRuntime.environment(), context.firstQmiDevice(), "agent-archive-runtime"); // as the other sections
        } catch (Exception e) {
            report.note("memory: the agent's class-data archive was not written: " + Failures.reason(e));
        }
        List<MemoryContender> contenders = List.of(new CClientMemory(context.environment()),
                new AgentMemory(agentRuntime.environment(), 1), new AgentMemory(agentRuntime.environment(), 8),
                new ModemManagerMemory(context.environment(), false), new ModemManagerMemory(context.environment(), true));
        for (MemoryContender contender : contenders) {
            context.dropBearers(); // each contender meets a modem as at boot, whatever the one before left up
            try {
                report.put(contender.key(), Metric.of(contender.pssKb(context.qmiDevices())));
                if (contender.note() != null) {
                    report.note(contender.note());
                }
            } catch (Exception e) {
                report.put(contender.key(), Metric.missing(Failures.reason(e)));
            }
        }
        BreakdownMemory breakdowns = new BreakdownMemory(context.environment(), agentRuntime.environment());
        context.dropBearers();
        breakdown(report, "agent", () -> breakdowns.agent(context.firstQmiDevice()));
        breakdown(report, "embedded", () -> breakdowns.embedded(context.firstQmiDevice()));
    }

    private interface FiguresRun {
        List<Long> measure() throws Exception;
    }

    /** One measurement's figures under their keys, in order, or every key missing with the reason. */
    private static void figures(BenchReport report, List<String> keys, FiguresRun run) {
        try {
            List<Long> values = run.measure();
            for (int i = 0; i < keys.size(); i++) {
                report.put(keys.get(i), Metric.of(values.get(i)));
            }
        } catch (Exception e) {
            Metric missing = Metric.missing(Failures.reason(e));
            keys.forEach(key -> report.put(key, missing));
        }
    }

    private interface BreakdownRun {
        JvmMemoryBreakdown measure() throws Exception;
    }

    /** One kind's breakdown into its keys, or every key of the kind missing with the reason. */
    private static void breakdown(BenchReport report, String kind, BreakdownRun run) {
        try {
            JvmMemoryBreakdown breakdown = run.measure();
            breakdown.figures().forEach((figure, value) ->
                    report.put(ReportKeys.breakdown(kind, figure), Metric.of(value)));
            report.note("memory breakdown, " + kind + ": a separate process started as the measured one plus "
                    + String.join(" ", BreakdownMemory.TRACKING_FLAGS) + "; NMT's own memory as it reports it (" + breakdown.nmt().trackingKb()
                    + " kB) taken out of malloc, what it costs beyond that is not (compare total with the headline); "
                    + "class-data archives mapped: " + (breakdown.archives().isEmpty() ? "none"
                    : String.join(", ", breakdown.archives())));
        } catch (Exception e) {
            Metric missing = Metric.missing(Failures.reason(e));
            ReportKeys.BREAKDOWN_FIGURES.forEach(figure -> report.put(ReportKeys.breakdown(kind, figure), missing));
        }
    }
}
