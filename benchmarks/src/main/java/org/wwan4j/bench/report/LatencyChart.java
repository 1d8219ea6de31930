package org.wwan4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The latency distributions as cumulative curves (percentile against latency, log scale): the only axis on which
 * a 100 us in-process request and a 30 ms process-per-request both stay readable. One panel per protocol, one PNG.
 */
public final class LatencyChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;
    private static final int POINTS = 200; // per curve: smooth enough, small file

    private LatencyChart() {}

    /** Writes the chart and returns its path; nothing is written if no contender produced samples. */
    public static Path write(BenchReport report, Path directory) throws IOException {
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (String protocol : List.of("qmi", "mbim")) {
            XYChart chart = panel(report, protocol);
            if (!chart.getSeriesMap().isEmpty()) {
                panels.add(chart);
            }
        }
        if (panels.isEmpty()) {
            return null;
        }
        Files.createDirectories(directory);
        Path file = directory.resolve("bench-latency.png");
        String base = file.toString().substring(0, file.toString().length() - ".png".length());
        BitmapEncoder.saveBitmap(panels, panels.size(), 1, base, BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static XYChart panel(BenchReport report, String protocol) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(("qmi".equals(protocol) ? "QMI dms-get-ids" : "MBIM device-caps") + ": per-request latency")
                .xAxisTitle("latency (us, log scale)").yAxisTitle("percentile").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        for (BenchReport.LatencySeries series : report.series()) {
            if (series.protocol().equals(protocol) && series.micros().length > 0) {
                double[][] curve = cumulative(series.micros(), POINTS);
                chart.addSeries(series.contender(), curve[0], curve[1]);
            }
        }
        return chart;
    }

    /** Up to {@code points} (latency, percentile) pairs of the empirical distribution, evenly spaced in rank. */
    static double[][] cumulative(double[] micros, int points) {
        double[] sorted = micros.clone();
        Arrays.sort(sorted);
        int n = Math.min(points, sorted.length);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int index = n == 1 ? sorted.length - 1 : (int) Math.round((double) i * (sorted.length - 1) / (n - 1));
            x[i] = sorted[index];
            y[i] = 100.0 * (index + 1) / sorted.length;
        }
        return new double[][] {x, y};
    }
}
