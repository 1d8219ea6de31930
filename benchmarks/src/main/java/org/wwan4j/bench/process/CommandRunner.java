package org.wwan4j.bench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a short command to completion (a qmicli call) and says how it went; a hung command is killed, group and all. */
public final class CommandRunner {

    private CommandRunner() {}

    /** Exit status and wall time of one command; exit -1 means it was killed at the timeout. */
    public record Completed(int exitCode, long elapsedNanos) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public static Completed run(List<String> command, Map<String, String> environment, Path stderrFile,
                                Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (ChildProcess child = ChildProcess.start(command, environment, stderrFile)) {
            int exit = child.waitFor(timeout);
            long elapsed = System.nanoTime() - started;
            // Drain nothing: the outputs of these commands are not needed, only that they succeeded.
            return new Completed(exit, elapsed);
        }
    }
}
