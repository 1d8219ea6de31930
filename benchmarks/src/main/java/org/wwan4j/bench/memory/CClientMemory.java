package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;
import org.wwan4j.bench.proc.SmapsRollup;
import org.wwan4j.bench.report.ReportKeys;

/** The C baseline client holding one modem open, after some requests: the floor any libqmi user pays. */
public final class CClientMemory implements MemoryContender {

    private static final int HOLD_SECONDS = 60;
    private static final int REQUESTS_BEFORE = 200;
    private static final Duration HOLDING_TIMEOUT = Duration.ofSeconds(30);

    private final BenchEnvironment environment;

    public CClientMemory(BenchEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String key() {
        return ReportKeys.C_CLIENT_PSS;
    }

    @Override
    public long pssKb(List<Path> devices) throws Exception {
        Path binary = environment.qmiBaseline();
        if (!Files.isExecutable(binary)) {
            throw new IOException(binary + " not built (mvn -pl native package)");
        }
        try (ChildProcess client = ChildProcess.start(List.of(binary.toString(), "--device", devices.get(0).toString(),
                "--request", "dms-get-ids", "--count", Integer.toString(REQUESTS_BEFORE), "--hold",
                Integer.toString(HOLD_SECONDS)), Map.of(), environment.log("qmi-c-memory"))) {
            if (client.awaitLine(line -> line.contains("\"holding\""), HOLDING_TIMEOUT) == null) {
                throw new IOException("C client never reached its holding state, see " + environment.log("qmi-c-memory"));
            }
            SteadyState.settle();
            return SmapsRollup.pssKb(client.pid());
        }
    }
}
