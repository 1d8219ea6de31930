package org.wwan4j.bench.latency;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.BenchPlan;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.process.ProxyDaemon;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;
import org.wwan4j.bench.stats.LatencySummary;

/**
 * Per-request latency of every contender on the same emulated modems, then the ratios of their medians. The C client,
 * the Java API and (MBIM) the C client's calls through bare FFM and the C client inside a JVM are measured in rotating
 * rounds ({@link InterleavedRounds}) and reported as the median round; the CLIs, a process per request, in one run
 * each. Proxy contenders get a qmi-proxy/mbim-proxy the harness started
 * (and stops) for just their measurement.
 */
public final class LatencySection implements Section {

    private static final List<String> PROTOCOLS = List.of("qmi", "mbim");

    @Override
    public String title() {
        return "per-request latency";
    }

    @Override
    public String key() {
        return "latency";
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        BenchEnvironment environment = context.environment();
        for (String protocol : PROTOCOLS) {
            Path device = "qmi".equals(protocol) ? context.firstQmiDevice() : context.mbimModem().path();
            List<LatencyContender> inProcess = "qmi".equals(protocol)
                    ? List.of(new CBaselineLatency(environment, protocol), HostJvmLatency.api(environment, protocol))
                    : List.of(new CBaselineLatency(environment, protocol), HostJvmLatency.api(environment, protocol),
                            HostJvmLatency.bareFfm(environment), HostJvmLatency.cInJvm(environment));
            measureInProcess(context, report, device, inProcess);
            for (boolean proxy : List.of(false, true)) {
                measureCli(context, report, device, new CliPerRequestLatency(environment, protocol, proxy));
            }
        }
        ratios(report);
    }

    private static void measureInProcess(BenchContext context, BenchReport report, Path device,
                                         List<LatencyContender> contenders) {
        BenchPlan plan = context.plan();
        Map<LatencyContender, InterleavedRounds.Outcome> outcomes = InterleavedRounds.run(contenders, device,
                plan.inProcessWarmupRequests(), plan.inProcessRounds(), plan.inProcessRequestsPerRound());
        outcomes.forEach((contender, outcome) -> {
            if (!outcome.measured()) {
                putMissing(report, contender, outcome.failure());
                return;
            }
            put(report, contender, LatencySummary.medianOfRounds(outcome.rounds()),
                    outcome.rounds().stream().flatMapToLong(Arrays::stream).toArray());
            report.note(contender.protocol() + " " + contender.name() + " p50 per round (µs, median reported): "
                    + outcome.rounds().stream().map(round -> String.format(Locale.ROOT, "%.1f",
                    LatencySummary.ofNanos(round).p50Us())).collect(Collectors.joining(", ")));
        });
    }

    private static void measureCli(BenchContext context, BenchReport report, Path device,
                                   CliPerRequestLatency contender) {
        boolean proxied = contender.name().endsWith("_proxy");
        try (ProxyDaemon proxy = proxied ? ProxyDaemon.start(contender.protocol(),
                context.environment().log(contender.protocol() + "-proxy-latency")) : null) {
            if (proxy != null && !proxy.ours()) {
                report.note(contender.protocol() + "-proxy was already running (not started by the harness); "
                        + contender.name() + " went through it");
            }
            long[] samples = contender.measure(device, context.plan().cliRequests());
            put(report, contender, LatencySummary.ofNanos(samples), samples);
        } catch (Exception e) {
            putMissing(report, contender, e);
        }
    }

    private static void put(BenchReport report, LatencyContender contender, LatencySummary summary, long[] samples) {
        report.put(ReportKeys.latency(contender.protocol(), contender.name(), "p50_us"), Metric.of(summary.p50Us()));
        report.put(ReportKeys.latency(contender.protocol(), contender.name(), "p90_us"), Metric.of(summary.p90Us()));
        report.put(ReportKeys.latency(contender.protocol(), contender.name(), "p99_us"), Metric.of(summary.p99Us()));
        report.addSeries(new BenchReport.LatencySeries(contender.protocol(),
                contender.name(), Arrays.stream(samples).mapToDouble(nanos -> nanos / 1_000.0).toArray()));
    }

    private static void putMissing(BenchReport report, LatencyContender contender, Exception failure) {
        Metric missing = Metric.missing(Failures.reason(failure));
        for (String percentile : ReportKeys.PERCENTILES) {
            report.put(ReportKeys.latency(contender.protocol(), contender.name(), percentile), missing);
        }
    }

    private static void ratios(BenchReport report) {
        Metric qmiJava = report.get(ReportKeys.latency("qmi", "java", "p50_us"));
        Metric mbimJava = report.get(ReportKeys.latency("mbim", "java", "p50_us"));
        report.put(ReportKeys.JAVA_VS_C_P50, Metric.ratio(qmiJava, report.get(ReportKeys.latency("qmi", "c", "p50_us"))));
        report.put(ReportKeys.MBIM_JAVA_VS_C_P50,
                Metric.ratio(mbimJava, report.get(ReportKeys.latency("mbim", "c", "p50_us"))));
        report.put(ReportKeys.MBIM_BARE_FFM_VS_C_P50, Metric.ratio(report.get(ReportKeys.latency("mbim", "bare_ffm",
                "p50_us")), report.get(ReportKeys.latency("mbim", "c", "p50_us"))));
        report.put(ReportKeys.MBIM_C_IN_JVM_VS_C_P50, Metric.ratio(report.get(ReportKeys.latency("mbim", "c_in_jvm",
                "p50_us")), report.get(ReportKeys.latency("mbim", "c", "p50_us"))));
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
