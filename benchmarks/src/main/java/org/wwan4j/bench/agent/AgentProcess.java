package org.wwan4j.bench.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.wwan4j.agent.daemon.QuietTimeTrimmer;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;

/**
 * The standalone agent ({@code wwan4j agent}) managing emulated modems, started exactly as the launcher starts it.
 * Its sysfs root and kernel log point at empty scratch places so it touches nothing real. The kernel log is a FIFO
 * whose write end the harness holds open and never writes: the agent's read blocks as it does on a quiet
 * {@code /dev/kmsg} (a regular file would be followed by polling, which the deployed agent never does). Used for start-up time,
 * memory and idle CPU. While the agent command is not built, start() fails with the CLI's own message.
 */
public final class AgentProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration ARCHIVE_RUN_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long the archive's training run goes on after its first complete status: through one cycle of the
     * periodic work (counters, the safety tick) and the second quiet-time trim after it. In the field the archive is
     * written when the agent's first run exits, so it holds every class that run ever loaded; a class the archive
     * lacks is loaded from the jars, and the class path search that finds it leaves every jar it opened on the heap
     * for good (about 1 MB: benchmarks/README.md, "Footprint levers, sixth round"). Stopped at its first status, the
     * training run left out what the agent loads from its first minute on.
     */
    static final Duration TRAINING_AFTER_FIRST_STATUS = SupervisorSettings.DEFAULTS.cycle()
            .plus(QuietTimeTrimmer.QUIET).plus(Duration.ofSeconds(10));
    /**
     * The training run probes every 30 s (the shortest sensible; the default is 300), so the probe's path is archived
     * where the run has a network to probe ({@link #writeArchive(BenchEnvironment, Path, String, String)} with the
     * soak's interface); without an interface the probe stops at "modem is not connected", before its socket.
     */
    static final String TRAINING_SETTINGS = "\"probe\":{\"intervalSeconds\":30}";

    private final ChildProcess process;
    private final long startedNanos;
    private final Path statusFile;
    private final Path log;
    private final FileChannel quietKernelLog;

    private AgentProcess(ChildProcess process, long startedNanos, Path statusFile, Path log,
                         FileChannel quietKernelLog) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.statusFile = statusFile;
        this.log = log;
        this.quietKernelLog = quietKernelLog;
    }

    /** A config in the contract's shape: one QMI modem per device, matched by path; defaults for the rest. */
    static String config(List<Path> devices) {
        return config(devices, "");
    }

    /** As {@link #config(List)}, each modem with {@code modemSettings} too (JSON members, or "" for none). */
    static String config(List<Path> devices, String modemSettings) {
        StringBuilder modems = new StringBuilder();
        for (int i = 0; i < devices.size(); i++) {
            if (i > 0) {
                modems.append(',');
            }
            modems.append("{\"name\":\"modem").append(i + 1).append("\",\"match\":{\"device\":\"")
                    .append(devices.get(i)).append("\"},\"protocol\":\"qmi\"")
                    .append(modemSettings.isEmpty() ? "" : "," + modemSettings).append('}');
        }
        return "{\"modems\":[" + modems + "]}";
    }

    public static AgentProcess start(BenchEnvironment environment, List<Path> devices, String name) throws Exception {
        return launch(environment, devices, name, List.of(), "");
    }

    /**
     * As {@link #start(BenchEnvironment, List, String)}, every modem's config given {@code modemSettings} as well
     * (JSON members of the contract's modem object, e.g. {@code "probe":{"method":"none"}}).
     */
    public static AgentProcess startWithModemSettings(BenchEnvironment environment, List<Path> devices, String name,
                                                      String modemSettings) throws Exception {
        return launch(environment, devices, name, List.of(), modemSettings);
    }

    /** As {@link #start(BenchEnvironment, List, String)}, with JVM flags added after the measured ones. */
    public static AgentProcess start(BenchEnvironment environment, List<Path> devices, String name,
                                     List<String> extraJvmFlags) throws Exception {
        return launch(environment, devices, name, extraJvmFlags, "");
    }

    /**
     * One agent run before the measured ones, so that every measured run maps the class-data archive, as every
     * start after the first does in the field: up to its first complete status and {@link #TRAINING_AFTER_FIRST_STATUS}
     * beyond, probing every 30 s, then a clean exit (TERM), at which the JVM writes the archive. If it could not,
     * measured runs go without one, as the launcher's would.
     */
    public static void writeArchive(BenchEnvironment environment, Path device) throws Exception {
        writeArchive(environment, device, "agent-archive");
    }

    /** As {@link #writeArchive(BenchEnvironment, Path)}, the run's files under {@code name} in the scratch directory. */
    public static void writeArchive(BenchEnvironment environment, Path device, String name) throws Exception {
        writeArchive(environment, device, name, "");
    }

    /**
     * As {@link #writeArchive(BenchEnvironment, Path, String)}, the modem's config given {@code modemSettings} as
     * well (JSON members, or "" for none): the soak's interface, so that the training run's probes reach the network
     * and the archive holds what a probe loads, as an archive written at the end of a first run in the field does.
     */
    public static void writeArchive(BenchEnvironment environment, Path device, String name, String modemSettings)
            throws Exception {
        String settings = modemSettings.isEmpty() ? TRAINING_SETTINGS : modemSettings + "," + TRAINING_SETTINGS;
        try (AgentProcess training = launch(environment, List.of(device), name, List.of(), settings)) {
            if (training.awaitFirstCompleteStatus(1, ARCHIVE_RUN_TIMEOUT) >= 0) {
                Thread.sleep(TRAINING_AFTER_FIRST_STATUS);
            }
        }
        writeBackFiles();
    }

    /**
     * Writes every dirty page back to disk ({@code sync}), as on a device whose runtime and archive were installed
     * long before the agent starts. The archive just written, and a runtime image built moments before, are dirty
     * page cache for about 30 s; the agent's first trim cannot hand dirty pages back, so a measured agent started at
     * once would show its first minute some 15 MB too high.
     */
    private static void writeBackFiles() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!sync.waitFor(2, TimeUnit.MINUTES)) {
            sync.destroyForcibly();
            throw new IOException("sync did not finish within 2 minutes");
        }
    }

    private static AgentProcess launch(BenchEnvironment environment, List<Path> devices, String name,
                                       List<String> extraJvmFlags, String modemSettings) throws Exception {
        Path directory = Files.createDirectories(environment.scratch().resolve(name));
        Path config = Files.writeString(directory.resolve("config.json"), config(devices, modemSettings));
        Path status = directory.resolve("status.json");
        Path kmsg = directory.resolve("kmsg");
        FileChannel quietKernelLog = quietKernelLog(kmsg);
        Path sysfs = Files.createDirectories(directory.resolve("sys"));
        Path state = Files.createDirectories(directory.resolve("state"));
        Path log = environment.log(name);
        long started = System.nanoTime();
        try {
            ChildProcess process = ChildProcess.start(AgentLaunch.command(environment, extraJvmFlags, List.of("agent",
                    "--config", config.toString(), "--status", status.toString(), "--state-dir", state.toString(),
                    "--kmsg", kmsg.toString(), "--sysfs-root", sysfs.toString())),
                    BenchEnvironment.LAUNCHER_ENVIRONMENT, log);
            return new AgentProcess(process, started, status, log, quietKernelLog);
        } catch (Exception e) {
            quietKernelLog.close();
            throw e;
        }
    }

    /** Makes a FIFO and opens it read-write (which never blocks on Linux): a writer that stays and says nothing. */
    private static FileChannel quietKernelLog(Path fifo) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + fifo + ": " + output);
        }
        return FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Milliseconds from process start to the first complete status, or -1 if none came within the timeout. An agent
     * that exits first (the command is not built, a bad config) fails with its own first lines.
     */
    public double awaitFirstCompleteStatus(int modems, Duration timeout) throws Exception {
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (StatusFile.complete(statusFile, modems)) {
                return (System.nanoTime() - startedNanos) / 1e6;
            }
            if (!process.isAlive()) {
                throw new IOException("agent exited with " + process.waitFor(Duration.ZERO) + ": " + firstLines(log));
            }
            Thread.sleep(POLL);
        }
        return -1;
    }

    /** The status file the agent writes (the contract's shape). */
    public Path statusFile() {
        return statusFile;
    }

    /** Whether the agent process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    public long processGroup() {
        return process.pid();
    }

    public long pid() {
        return process.pid();
    }

    static String firstLines(Path log) {
        try {
            return Files.readAllLines(log).stream().limit(2).collect(Collectors.joining(" / ")).trim();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.close();
        try {
            quietKernelLog.close();
        } catch (IOException e) {
            // a scratch FIFO; nothing depends on closing it cleanly
        }
    }
}
