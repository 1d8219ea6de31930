package org.wwan4j.bench.snapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.CommandRunner;

/** Times the old shell agent's status snapshot: its qmicli calls one after another, as its script ran them. */
public final class ShellSnapshot {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5); // the old agent's per-call timeout

    /** Median wall time of the whole sequence and the calls that failed (named, so the table can say so). */
    public record Result(double medianMillis, int calls, List<String> failedCalls) {
    }

    private final BenchEnvironment environment;

    public ShellSnapshot(BenchEnvironment environment) {
        this.environment = environment;
    }

    /** Runs the sequence {@code repeats} times against a device served through an already running qmi-proxy. */
    public Result measure(Path device, int repeats) throws Exception {
        double[] millis = new double[repeats];
        List<String> failed = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long started = System.nanoTime();
            for (String action : OldAgentCalls.STATUS) {
                CommandRunner.Completed call = CommandRunner.run(OldAgentCalls.command(device, action), Map.of(),
                        environment.log("snapshot-qmicli"), CALL_TIMEOUT);
                if (!call.succeeded() && !failed.contains(action)) {
                    failed.add(action);
                }
            }
            millis[r] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Result(millis[repeats / 2], OldAgentCalls.STATUS.size(), failed);
    }
}
