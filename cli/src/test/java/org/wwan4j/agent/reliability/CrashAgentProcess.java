package org.wwan4j.agent.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wwan4j.cli.Wwan4jCli;

/**
 * The real agent as a child JVM, started as the {@code wwan4j} launcher starts it (its small-footprint flags,
 * {@link Wwan4jCli} {@code agent}), with every root in a test directory. It stays a child of the test process, so it
 * shares the devpts instance of the emulator's pty. Its output goes to a log file in that directory (appended
 * across restarts) so a full pipe can never stall it. Other suites that need the agent as a process of its own
 * ({@code status}, {@code list}, the JSON log) start it through {@link #start(List, Path)}.
 */
public final class CrashAgentProcess {

    /**
     * The launcher's flags for the agent, read from the files it reads (scripts/jvm-flags, then
     * scripts/agent-jvm-flags): the crash suite runs the agent the way a device does, and a flag changed there is
     * tested here.
     */
    private static final List<String> LAUNCHER_FLAGS = launcherFlags();
    /** Bounds a process exit after SIGKILL or SIGTERM; generous for a loaded machine. */
    private static final long EXIT_WAIT_SECONDS = 60;

    private final Process process;
    private final long startedNanos;
    private final Instant startedAt;

    private CrashAgentProcess(Process process, long startedNanos, Instant startedAt) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.startedAt = startedAt;
    }

    private static List<String> launcherFlags() {
        Path scripts = repositoryRoot().resolve("scripts");
        List<String> flags = new ArrayList<>();
        for (String file : List.of("jvm-flags", "agent-jvm-flags")) {
            try {
                for (String line : Files.readAllLines(scripts.resolve(file))) {
                    int comment = line.indexOf('#');
                    String flag = (comment < 0 ? line : line.substring(0, comment)).strip();
                    if (!flag.isEmpty()) {
                        flags.add(flag);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the launcher's flag file " + scripts.resolve(file)
                        + " could not be read", e);
            }
        }
        return List.copyOf(flags);
    }

    /** Tests run in their module's directory, one below the repository's. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/jvm-flags"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no scripts/jvm-flags above " + here);
    }

    /** Starts {@code wwan4j agent --config ... --status ... --state-dir ... --sysfs-root ...}. */
    static CrashAgentProcess start(Path config, Path status, Path stateDir, Path sysfsRoot, Path log)
            throws IOException {
        return start(List.of("--config", config.toString(), "--status", status.toString(), "--state-dir",
                stateDir.toString(), "--sysfs-root", sysfsRoot.toString()), log);
    }

    /** Starts {@code wwan4j agent ARGUMENTS...}, its output appended to {@code log}. */
    public static CrashAgentProcess start(List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Wwan4jCli.class.getName(), "agent"));
        command.addAll(arguments);
        // Truncated to the millisecond: the status file's timestamps are no finer.
        Instant startedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new CrashAgentProcess(process, started, startedAt);
    }

    public long pid() {
        return process.pid();
    }

    /** Wall-clock time of the start, to tell the status files this process wrote from older ones. */
    Instant startedAt() {
        return startedAt;
    }

    /** Nanoseconds since the process was started. */
    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Lets the agent run for {@code time} (the random moment of the next kill); true if it exited on its own
     * meanwhile, which the agent must never do.
     */
    boolean exitsWithin(java.time.Duration time) throws InterruptedException {
        return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the process has the file open right now (read from /proc/PID/fd; false once it is gone). */
    boolean hasOpen(Path file) {
        Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
        try (Stream<Path> links = Files.list(fds)) {
            return links.anyMatch(link -> {
                try {
                    return Files.readSymbolicLink(link).equals(file);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** kill -9: no shutdown hook, no close, no flush; waits until the process is gone. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        awaitExit("SIGKILL");
    }

    /** SIGTERM: the agent's orderly stop (leaves the bearer up for the next run). */
    public void stop() throws InterruptedException {
        process.destroy();
        awaitExit("SIGTERM");
    }

    private void awaitExit(String signal) throws InterruptedException {
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("agent " + process.pid() + " still running " + EXIT_WAIT_SECONDS + " s after "
                    + signal);
        }
    }
}
