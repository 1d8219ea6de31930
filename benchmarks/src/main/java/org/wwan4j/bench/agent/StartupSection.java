package org.wwan4j.bench.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;

/** Agent process start (fork) to its first complete status file for one modem. */
public final class StartupSection implements Section {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String title() {
        return "start-up";
    }

    @Override
    public String key() {
        return "start-up";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        context.dropBearers();
        try (AgentProcess agent = AgentProcess.start(context.environment(), List.of(context.firstQmiDevice()),
                "agent-startup")) {
            double millis = agent.awaitFirstCompleteStatus(1, STATUS_TIMEOUT);
            if (millis < 0) {
                throw new IOException("no complete status within " + STATUS_TIMEOUT.toSeconds() + " s");
            }
            report.put(ReportKeys.STARTUP_FIRST_STATUS_MS, Metric.of(millis));
        } catch (Exception e) {
            report.put(ReportKeys.STARTUP_FIRST_STATUS_MS, Metric.missing(Failures.reason(e)));
        }
    }
}
