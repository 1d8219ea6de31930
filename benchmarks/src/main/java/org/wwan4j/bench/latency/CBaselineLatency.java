package org.wwan4j.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;

/**
 * The plain libqmi/libmbim C client (native/target/*-baseline): opens once, allocates one client once, times every
 * request in-process and writes the samples to a file, which this reads back.
 */
public final class CBaselineLatency implements LatencyContender {

    /** The C client's warm-up: no JIT runs its code (also the C client's in a JVM, HostJvmLatency.cInJvm). */
    static final int WARMUP = 50;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private final BenchEnvironment environment;
    private final String protocol;

    public CBaselineLatency(BenchEnvironment environment, String protocol) {
        this.environment = environment;
        this.protocol = protocol;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String name() {
        return "c";
    }

    @Override
    public long[] measure(Path device, int requests) throws Exception {
        Path binary = "qmi".equals(protocol) ? environment.qmiBaseline() : environment.mbimBaseline();
        if (!Files.isExecutable(binary)) {
            throw new IOException(binary + " not built (mvn -pl native package)");
        }
        String request = "qmi".equals(protocol) ? "dms-get-ids" : "device-caps";
        Path samples = environment.scratch().resolve(protocol + "-c.samples");
        Path log = environment.log(protocol + "-c-latency");
        List<String> command = List.of(binary.toString(), "--device", device.toString(), "--request", request,
                "--count", Integer.toString(requests), "--warmup", Integer.toString(WARMUP),
                "--samples", samples.toString());
        try (ChildProcess client = ChildProcess.start(command, Map.of(), log)) {
            int exit = client.waitFor(RUN_TIMEOUT);
            if (exit != 0) {
                throw new IOException(binary.getFileName() + " exited with " + exit + ", see " + log);
            }
        }
        return SampleFile.readMicrosAsNanos(samples);
    }
}
