package org.wwan4j.bench.host;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.MbimDevice;
import org.wwan4j.mbim.MbimDeviceOptions;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * The Java request loop, run inside a host JVM (launcher flags, own process, like the C baseline): opens the device
 * once through the idiomatic API ({@code QmiDevice} + {@code ClientDms.getIds()}, {@code MbimDevice} +
 * {@code BasicConnect.queryDeviceCaps()}), times each round trip from the calling thread (the request marshalled to
 * the loop thread, the future joined), and writes the samples in the baselines' format (microseconds, one per line).
 */
final class HostedLatency {

    private HostedLatency() {}

    static void run(String protocol, Path device, int count, int warmup, Path samplesFile) throws Exception {
        long[] samples = switch (protocol) {
            case "qmi" -> qmi(device, count, warmup);
            case "mbim" -> mbim(device, count, warmup);
            default -> throw new IllegalArgumentException("protocol must be qmi or mbim: " + protocol);
        };
        write(samples, samplesFile);
    }

    /** The floor's loop ({@link BareFfmMbimLatency}): MBIM only, as the C baseline's calls through bare FFM. */
    static void runBare(String protocol, Path device, int count, int warmup, Path samplesFile) throws Exception {
        requireMbim(protocol, "the bare FFM client");
        write(BareFfmMbimLatency.run(device.toString(), count, warmup), samplesFile);
    }

    /** The C MBIM client's program from {@code library}, run on this thread ({@link CInJvmMbimLatency}). */
    static void runCInJvm(Path library, String protocol, Path device, int count, int warmup, Path samplesFile)
            throws Exception {
        requireMbim(protocol, "the C client in the JVM");
        CInJvmMbimLatency.run(library, device, count, warmup, samplesFile);
    }

    private static void requireMbim(String protocol, String client) {
        if (!protocol.equals("mbim")) {
            throw new IllegalArgumentException(client + " speaks mbim only: " + protocol);
        }
    }

    private static long[] qmi(Path device, int count, int warmup) {
        try (QmiDevice qmi = QmiDevice.open(device, QmiDeviceOptions.defaults().withProxy(false)).join()) {
            ClientDms dms = qmi.dms().join();
            try {
                return time(dms::getIds, count, warmup);
            } finally {
                dms.close();
            }
        }
    }

    private static long[] mbim(Path device, int count, int warmup) {
        try (MbimDevice mbim = MbimDevice.open(device, MbimDeviceOptions.defaults()).join()) {
            BasicConnect basic = new BasicConnect(mbim);
            return time(basic::queryDeviceCaps, count, warmup);
        }
    }

    /** Times {@code count} sequential requests after {@code warmup} untimed ones; each is joined on this thread. */
    private static long[] time(Supplier<? extends CompletableFuture<?>> request, int count,
                               int warmup) {
        for (int i = 0; i < warmup; i++) {
            request.get().join();
        }
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            request.get().join();
            samples[i] = System.nanoTime() - started;
        }
        return samples;
    }

    private static void write(long[] samples, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (long sample : samples) {
                out.printf(Locale.ROOT, "%.3f%n", sample / 1_000.0);
            }
        }
    }
}
