package org.wwan4j.bench.latency;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.process.ProxyDaemon;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;
import org.wwan4j.bench.stats.LatencySummary;

/**
 * Per-request latency of every contender on the same emulated modems, then the ratios of their medians. Proxy
 * contenders get a qmi-proxy/mbim-proxy the harness started (and stops) for just their measurement.
 */
public final class LatencySection implements Section {

    @Override
    public String title() {
        return "per-request latency";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        BenchEnvironment environment = context.environment();
        List<LatencyContender> contenders = List.of(
                new CBaselineLatency(environment, "qmi"), new JavaApiLatency(environment, "qmi"),
                new CliPerRequestLatency(environment, "qmi", false), new CliPerRequestLatency(environment, "qmi", true),
                new CBaselineLatency(environment, "mbim"), new JavaApiLatency(environment, "mbim"),
                new CliPerRequestLatency(environment, "mbim", false),
                new CliPerRequestLatency(environment, "mbim", true));
        for (LatencyContender contender : contenders) {
            measure(context, report, contender);
        }
        ratios(report);
    }

    private static void measure(BenchContext context, BenchReport report, LatencyContender contender) {
        boolean qmi = "qmi".equals(contender.protocol());
        Path device = qmi ? context.firstQmiDevice() : context.mbimModem().path();
        boolean cli = contender instanceof CliPerRequestLatency;
        int requests = cli ? context.plan().cliRequests() : context.plan().inProcessRequests();
        boolean proxied = contender.name().endsWith("_proxy");
        try (ProxyDaemon proxy = proxied ? ProxyDaemon.start(contender.protocol(),
                context.environment().log(contender.protocol() + "-proxy-latency")) : null) {
            if (proxy != null && !proxy.ours()) {
                report.note(contender.protocol() + "-proxy was already running (not started by the harness); "
                        + contender.name() + " went through it");
            }
            long[] samples = contender.measure(device, requests);
            LatencySummary summary = LatencySummary.ofNanos(samples);
            report.put(ReportKeys.latency(contender.protocol(), contender.name(), "p50_us"), Metric.of(summary.p50Us()));
            report.put(ReportKeys.latency(contender.protocol(), contender.name(), "p90_us"), Metric.of(summary.p90Us()));
            report.put(ReportKeys.latency(contender.protocol(), contender.name(), "p99_us"), Metric.of(summary.p99Us()));
            report.addSeries(new BenchReport.LatencySeries(contender.protocol(),
                    contender.name(), Arrays.stream(samples).mapToDouble(nanos -> nanos / 1_000.0).toArray()));
        } catch (Exception e) {
            Metric missing = Metric.missing(Failures.reason(e));
            for (String percentile : ReportKeys.PERCENTILES) {
                report.put(ReportKeys.latency(contender.protocol(), contender.name(), percentile), missing);
            }
        }
    }

    private static void ratios(BenchReport report) {
        Metric qmiJava = report.get(ReportKeys.latency("qmi", "java", "p50_us"));
        Metric mbimJava = report.get(ReportKeys.latency("mbim", "java", "p50_us"));
        report.put(ReportKeys.JAVA_VS_C_P50, Metric.ratio(qmiJava, report.get(ReportKeys.latency("qmi", "c", "p50_us"))));
        report.put(ReportKeys.MBIM_JAVA_VS_C_P50,
                Metric.ratio(mbimJava, report.get(ReportKeys.latency("mbim", "c", "p50_us"))));
        report.put(ReportKeys.QMICLI_VS_JAVA_P50,
                Metric.ratio(report.get(ReportKeys.latency("qmi", "qmicli", "p50_us")), qmiJava));
        report.put(ReportKeys.QMICLI_PROXY_VS_JAVA_P50,
                Metric.ratio(report.get(ReportKeys.latency("qmi", "qmicli_proxy", "p50_us")), qmiJava));
        report.put(ReportKeys.MBIMCLI_VS_JAVA_P50,
                Metric.ratio(report.get(ReportKeys.latency("mbim", "mbimcli", "p50_us")), mbimJava));
        report.put(ReportKeys.MBIMCLI_PROXY_VS_JAVA_P50,
                Metric.ratio(report.get(ReportKeys.latency("mbim", "mbimcli_proxy", "p50_us")), mbimJava));
    }
}
