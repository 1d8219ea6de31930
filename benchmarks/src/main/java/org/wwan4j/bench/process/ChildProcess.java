package org.wwan4j.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process the harness started in a process group of its own ({@code setsid}), so that closing it also ends what it
 * spawned (qmi-proxy started by qmicli, the qmicli a polling loop is running). Its stdout is read line by line on a
 * virtual thread so callers can wait for a line with a bound; stderr goes to a file for diagnosis.
 *
 * <p>Started children inherit the harness's devpts: the emulators' pty slaves are only openable from here.
 */
public final class ChildProcess implements AutoCloseable {

    private static final String SETSID = "setsid";
    private static final Duration TERM_GRACE = Duration.ofSeconds(3);
    private static final String END_OF_OUTPUT = "\u0000eof";

    private final Process process;
    private final String description;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Writer stdin;

    private ChildProcess(Process process, String description) {
        this.process = process;
        this.description = description;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().name("bench-stdout-" + process.pid()).start(this::pumpStdout);
    }

    /** Starts {@code command} as the leader of a new process group; stderr is appended to {@code stderrFile}. */
    public static ChildProcess start(List<String> command, Map<String, String> environment, Path stderrFile)
            throws IOException {
        List<String> full = new ArrayList<>();
        full.add(SETSID);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrFile.toFile()));
        builder.environment().putAll(environment);
        ChildProcess child = new ChildProcess(builder.start(), String.join(" ", command));
        ChildRegistry.register(child);
        return child;
    }

    private void pumpStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // the process ended or was killed
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    /** The pid, which is also the process group id (setsid made it a group leader). */
    public long pid() {
        return process.pid();
    }

    public String description() {
        return description;
    }

    /** The next stdout line, or null when none came within the timeout or output ended. */
    public String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (END_OF_OUTPUT.equals(line)) {
            lines.add(END_OF_OUTPUT); // keep reporting the end to later callers
            return null;
        }
        return line;
    }

    /** Skips lines until one matches; null on timeout or end of output. */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String line = nextLine(Duration.ofNanos(left));
            if (line == null || matching.test(line)) {
                return line;
            }
        }
    }

    /** Writes one line to the child's stdin and flushes it. */
    public void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit on its own; returns its exit code, or empty-handed -1 on timeout. */
    public int waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM to the whole group, then SIGKILL to the group after a grace period; idempotent. */
    @Override
    public void close() {
        ChildRegistry.unregister(this);
        signalGroup("TERM");
        try {
            if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                signalGroup("KILL");
                process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            signalGroup("KILL");
            Thread.currentThread().interrupt();
        }
        // Group members (a spawned proxy) may outlive the leader: the group signal reaches them too.
        signalGroup("KILL");
    }

    private void signalGroup(String signal) {
        try {
            // "kill -- -PGID" addresses the group; the harness never signals anything it did not start.
            new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return description + " (pid " + pid() + ")";
    }
}
