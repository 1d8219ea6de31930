package org.wwan4j.benchmarks.qmi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.QmiDevice;

/**
 * Java API vs the C libqmi baseline ({@code native/target/qmi-baseline}), in one run, over the same emulated modem:
 * the same method for both (open once, one client, warm-up, then N sequential round trips, median), one client at
 * a time on the port. Prints the medians and the Java/C ratio per request.
 *
 * <p>Usage: {@code QmiSideBySide [--count N] [--warmup N] [--baseline PATH]}.
 */
public final class QmiSideBySide {

    private static final Pattern P50 = Pattern.compile("\"p50_us\"\\s*:\\s*([0-9.]+)");

    private QmiSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int count = 20_000;
        int warmup = 5_000;
        Path baseline = Path.of("native/target/qmi-baseline");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--baseline" -> baseline = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isExecutable(baseline)) {
            throw new IllegalArgumentException(baseline + " is missing: build native/ first (mvn -pl native compile)");
        }
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            for (String request : List.of("dms-get-ids", "nas-get-signal-info")) {
                double java = javaMedianMicros(modem.path(), request, count, warmup);
                double c = cMedianMicros(baseline, modem.path(), request, count, warmup);
                System.out.printf("qmi %-20s java p50 %8.1f us   c p50 %8.1f us   java/c %.2f%n", request, java, c,
                        java / c);
            }
        }
    }

    private static double javaMedianMicros(Path port, String request, int count, int warmup) throws Exception {
        QmiDevice device = QmiDevice.open(port).get(30, TimeUnit.SECONDS);
        try {
            Supplier<Object> call;
            if (request.equals("dms-get-ids")) {
                ClientDms dms = device.dms().get(30, TimeUnit.SECONDS);
                call = () -> dms.getIds().join().imei();
            } else {
                ClientNas nas = device.nas().get(30, TimeUnit.SECONDS);
                call = () -> nas.getSignalInfo().join().lteSignalStrength();
            }
            for (int i = 0; i < warmup; i++) {
                call.get();
            }
            long[] samples = new long[count];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                call.get();
                samples[i] = System.nanoTime() - start;
            }
            Arrays.sort(samples);
            return samples[count / 2] / 1000.0;
        } finally {
            device.close(); // releases nothing on the modem (the CID stays), so the C client starts on a quiet port
        }
    }

    private static double cMedianMicros(Path baseline, Path port, String request, int count, int warmup)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(baseline.toString(), "--device", port.toString(), "--request", request,
                "--count", Integer.toString(count), "--warmup", Integer.toString(warmup))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("qmi-baseline failed:\n" + output);
        }
        Matcher m = P50.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no p50_us in qmi-baseline output:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
