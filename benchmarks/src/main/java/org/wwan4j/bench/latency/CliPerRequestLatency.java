package org.wwan4j.bench.latency;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.CommandRunner;

/**
 * The old shell agent's way: one qmicli/mbimcli process per request, which opens the device, allocates a client id
 * (QMI) or opens a session (MBIM), sends one request, releases and exits. Timed from fork to exit, as the agent
 * experienced it. With {@code proxy} the CLI goes through qmi-proxy/mbim-proxy ({@code -p}), which the caller must
 * have started (so that each call does not spawn, and then lose, a proxy of its own).
 */
public final class CliPerRequestLatency implements LatencyContender {

    private static final int WARMUP = 3; // page cache and the proxy's first client
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5); // the old agent's per-call timeout

    private final BenchEnvironment environment;
    private final String protocol;
    private final boolean proxy;

    public CliPerRequestLatency(BenchEnvironment environment, String protocol, boolean proxy) {
        this.environment = environment;
        this.protocol = protocol;
        this.proxy = proxy;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String name() {
        return ("qmi".equals(protocol) ? "qmicli" : "mbimcli") + (proxy ? "_proxy" : "");
    }

    /** The command line, as the old agent ran it. */
    public List<String> command(Path device) {
        List<String> command = new ArrayList<>();
        if ("qmi".equals(protocol)) {
            command.addAll(List.of("qmicli", "-d", device.toString(), "--device-open-qmi"));
            if (proxy) {
                command.add("-p");
            }
            command.add("--dms-get-ids");
        } else {
            command.addAll(List.of("mbimcli", "-d", device.toString()));
            if (proxy) {
                command.add("-p");
            }
            command.add("--query-device-caps");
        }
        return command;
    }

    @Override
    public long[] measure(Path device, int requests) throws Exception {
        List<String> command = command(device);
        Path log = environment.log(name() + "-latency");
        long[] samples = new long[requests];
        for (int i = -WARMUP; i < requests; i++) {
            CommandRunner.Completed call = CommandRunner.run(command, Map.of(), log, CALL_TIMEOUT);
            if (!call.succeeded()) {
                throw new IOException(String.join(" ", command) + " failed (exit " + call.exitCode() + "), see " + log);
            }
            if (i >= 0) {
                samples[i] = call.elapsedNanos();
            }
        }
        return samples;
    }
}
