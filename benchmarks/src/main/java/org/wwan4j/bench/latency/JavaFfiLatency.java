package org.wwan4j.bench.latency;

import java.nio.file.Path;
import org.wwan4j.bench.ffi.FfiMbimClient;
import org.wwan4j.bench.ffi.FfiQmiClient;
import org.wwan4j.glib.MainLoopThread;

/**
 * The Java contender: one device opened once in this JVM, requests timed from the calling thread (the request
 * marshalled onto the GLib loop thread, the future joined), which is how an API user calls it.
 * TODO(qmiapi/mbimapi): switch to the idiomatic API when it lands; the timing loop stays the same.
 */
public final class JavaFfiLatency implements LatencyContender {

    private static final int WARMUP = 2_000; // enough for C1 to compile the request path
    private static final int TIMEOUT_SECONDS = 10;

    private final String protocol;

    public JavaFfiLatency(String protocol) {
        this.protocol = protocol;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public long[] measure(Path device, int requests) throws Exception {
        MainLoopThread loop = MainLoopThread.shared();
        long[] samples = new long[requests];
        if ("qmi".equals(protocol)) {
            try (FfiQmiClient client = FfiQmiClient.open(loop, device, "dms", false, TIMEOUT_SECONDS)) {
                for (int i = -WARMUP; i < requests; i++) {
                    long started = System.nanoTime();
                    client.getIds().join();
                    record(samples, i, System.nanoTime() - started);
                }
            }
        } else {
            try (FfiMbimClient client = FfiMbimClient.open(loop, device, false, TIMEOUT_SECONDS)) {
                for (int i = -WARMUP; i < requests; i++) {
                    long started = System.nanoTime();
                    client.queryDeviceCaps().join();
                    record(samples, i, System.nanoTime() - started);
                }
            }
        }
        return samples;
    }

    private static void record(long[] samples, int index, long nanos) {
        if (index >= 0) {
            samples[index] = nanos;
        }
    }
}
