package org.wwan4j.bench.indication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;

/** The C client: prints {"indication_ns":T} (CLOCK_MONOTONIC) from its signal-info callback. */
public final class CBaselineIndications implements IndicationContender {

    private static final Pattern INDICATION = Pattern.compile("\"indication_ns\"\\s*:\\s*(\\d+)");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final ChildProcess client;

    private CBaselineIndications(ChildProcess client) {
        this.client = client;
    }

    /** Starts the client for {@code count} indications and waits until it has subscribed. */
    public static CBaselineIndications start(BenchEnvironment environment, Path device, int count) throws Exception {
        Path binary = environment.qmiBaseline();
        if (!Files.isExecutable(binary)) {
            throw new IOException(binary + " not built (mvn -pl native package)");
        }
        ChildProcess client = ChildProcess.start(List.of(binary.toString(), "--device", device.toString(),
                "--request", "nas-get-signal-info", "--count", "1", "--warmup", "0",
                "--indications", Integer.toString(count)), Map.of(), environment.log("qmi-c-indications"));
        String ready = client.awaitLine(line -> line.contains("\"ready\"") || line.contains("\"error\""),
                READY_TIMEOUT);
        if (ready == null || !ready.contains("\"ready\"")) {
            client.close();
            throw new IOException("C client did not subscribe: " + ready);
        }
        return new CBaselineIndications(client);
    }

    /** Parses T out of {"indication_ns":T}; -1 if the line is something else. */
    public static long parseIndicationNanos(String line) {
        Matcher matcher = INDICATION.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    @Override
    public String name() {
        return "c";
    }

    @Override
    public long awaitIndication(Duration timeout) throws Exception {
        String line = client.awaitLine(candidate -> parseIndicationNanos(candidate) >= 0, timeout);
        return line == null ? -1 : parseIndicationNanos(line);
    }

    @Override
    public void drain() {
        // Lines are consumed in order by awaitIndication; a stray earlier indication would be read first, so
        // the harness pauses between triggers instead (the C client prints one line per callback).
    }

    @Override
    public void close() {
        client.close();
    }
}
