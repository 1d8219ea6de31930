package org.wwan4j.bench.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.agent.AgentLaunch;
import org.wwan4j.bench.process.CommandRunner;

/**
 * Times {@code wwan4j info --device P --protocol qmi --json}: a whole process, JVM start included, like the shell
 * sequence it replaces. While `info` is not built, the CLI says so and this reports its message.
 */
public final class AgentInfoSnapshot {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    private final BenchEnvironment environment;

    public AgentInfoSnapshot(BenchEnvironment environment) {
        this.environment = environment;
    }

    public double medianMillis(Path device, int repeats) throws Exception {
        List<String> command = AgentLaunch.command(environment,
                List.of("info", "--device", device.toString(), "--protocol", "qmi", "--json"));
        Path log = environment.log("agent-info");
        if (!Files.exists(AgentLaunch.archive(environment, "info"))) {
            // Untimed: the first run writes the launcher's class-data archive at exit (seconds), every later one
            // maps it; the figure is for those.
            CommandRunner.run(command, BenchEnvironment.LAUNCHER_ENVIRONMENT, environment.log("agent-info-archive"),
                    RUN_TIMEOUT);
        }
        double[] millis = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            Files.deleteIfExists(log);
            CommandRunner.Completed run = CommandRunner.run(command, BenchEnvironment.LAUNCHER_ENVIRONMENT, log, RUN_TIMEOUT);
            if (!run.succeeded()) {
                throw new IOException("info exited with " + run.exitCode() + ": " + firstLine(log));
            }
            millis[r] = run.elapsedNanos() / 1e6;
        }
        Arrays.sort(millis);
        return millis[repeats / 2];
    }

    private static String firstLine(Path log) {
        try {
            return Files.readAllLines(log).stream().limit(1).collect(Collectors.joining()).trim();
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
