package org.wwan4j.bench.idle;

import java.time.Duration;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;

/** CPU spent keeping one modem's status current while nothing happens: the agent vs the old polling loop. */
public final class IdleSection implements Section {

    private static final double MILLIS_PER_MINUTE = 60_000.0;
    private static final double PERCENT = 100.0;

    @Override
    public String title() {
        return "idle cost";
    }

    @Override
    public String key() {
        return "idle";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        Duration window = context.plan().idleWindow();
        measure(context, report, new PollingLoopIdle(context.environment()), window,
                ReportKeys.POLLING_CPU_MS_PER_MIN, ReportKeys.POLLING_CPU_PERCENT);
        context.dropBearers();
        measure(context, report, new AgentIdle(context.environment()), window,
                ReportKeys.AGENT_CPU_MS_PER_MIN, ReportKeys.AGENT_CPU_PERCENT);
    }

    private static void measure(BenchContext context, BenchReport report, IdleContender contender, Duration window,
                                String perMinuteKey, String percentKey) {
        try {
            double perMinute = contender.cpuMillisPerMinute(context.firstQmiDevice(), window);
            report.put(perMinuteKey, Metric.of(perMinute));
            report.put(percentKey, Metric.of(perMinute / MILLIS_PER_MINUTE * PERCENT));
            if (contender.note() != null) {
                report.note(contender.note());
            }
        } catch (Exception e) {
            Metric missing = Metric.missing(Failures.reason(e));
            report.put(perMinuteKey, missing);
            report.put(percentKey, missing);
        }
    }
}
