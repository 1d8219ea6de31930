package org.wwan4j.bench.host;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wwan4j.bench.ffi.FfiMbimClient;
import org.wwan4j.bench.ffi.FfiQmiClient;
import org.wwan4j.glib.MainLoopThread;

/**
 * The Java request loop, run inside a host JVM (launcher flags, own process, like the C baseline): opens once, times
 * each round trip from the calling thread (marshalled to the loop thread, future joined), writes the samples in the
 * baselines' format (microseconds, one per line).
 * TODO(qmiapi/mbimapi): make the requests through the idiomatic API once it lands.
 */
final class HostedLatency {

    private static final int TIMEOUT_SECONDS = 10;

    private HostedLatency() {}

    static void run(String protocol, Path device, int count, int warmup, Path samplesFile) throws Exception {
        long[] samples = new long[count];
        MainLoopThread loop = MainLoopThread.shared();
        if ("qmi".equals(protocol)) {
            try (FfiQmiClient client = FfiQmiClient.open(loop, device, "dms", false, TIMEOUT_SECONDS)) {
                for (int i = -warmup; i < count; i++) {
                    long started = System.nanoTime();
                    client.getIds().join();
                    record(samples, i, System.nanoTime() - started);
                }
            }
        } else {
            try (FfiMbimClient client = FfiMbimClient.open(loop, device, false, TIMEOUT_SECONDS)) {
                for (int i = -warmup; i < count; i++) {
                    long started = System.nanoTime();
                    client.queryDeviceCaps().join();
                    record(samples, i, System.nanoTime() - started);
                }
            }
        }
        write(samples, samplesFile);
    }

    private static void record(long[] samples, int index, long nanos) {
        if (index >= 0) {
            samples[index] = nanos;
        }
    }

    private static void write(long[] samples, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (long sample : samples) {
                out.printf(Locale.ROOT, "%.3f%n", sample / 1_000.0);
            }
        }
    }
}
