package org.wwan4j.bench.snapshot;

import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.process.ProxyDaemon;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;

/** A full status snapshot of one modem: the agent's `info` vs the old shell agent's qmicli sequence. */
public final class SnapshotSection implements Section {

    @Override
    public String title() {
        return "status snapshot";
    }

    @Override
    public String key() {
        return "snapshot";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        int repeats = context.plan().snapshotRepeats();
        try (ProxyDaemon proxy = ProxyDaemon.start("qmi", context.environment().log("snapshot-qmi-proxy"))) {
            ShellSnapshot.Result shell = new ShellSnapshot(context.environment()).measure(context.firstQmiDevice(), repeats);
            report.put(ReportKeys.SNAPSHOT_SHELL_MS, Metric.of(shell.medianMillis()));
            report.put(ReportKeys.SNAPSHOT_SHELL_CALLS, Metric.of(shell.calls()));
            if (!shell.failedCalls().isEmpty()) {
                report.note("old-agent snapshot: these qmicli calls failed against the emulator (timed anyway): "
                        + String.join(" ", shell.failedCalls()));
            }
        } catch (Exception e) {
            report.put(ReportKeys.SNAPSHOT_SHELL_MS, Metric.missing(Failures.reason(e)));
            report.put(ReportKeys.SNAPSHOT_SHELL_CALLS, Metric.missing(Failures.reason(e)));
        }
        try {
            report.put(ReportKeys.SNAPSHOT_AGENT_MS,
                    Metric.of(new AgentInfoSnapshot(context.environment()).medianMillis(context.firstQmiDevice(), repeats)));
        } catch (Exception e) {
            report.put(ReportKeys.SNAPSHOT_AGENT_MS, Metric.missing(Failures.reason(e)));
        }
    }
}
