package org.wwan4j.bench.host;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;

/**
 * The parent's handle on a {@link HostJvmMain} child: a JVM started with the launcher's flags, in its own process,
 * like a deployed application, driven by one-line commands. The emulators stay in the harness.
 */
public final class HostJvm implements AutoCloseable {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);

    private final ChildProcess process;

    private HostJvm(ChildProcess process) {
        this.process = process;
    }

    public static HostJvm start(BenchEnvironment environment, String logName) throws Exception {
        return start(environment, logName, List.of());
    }

    /** As {@link #start(BenchEnvironment, String)}, with JVM flags added after the measured ones. */
    public static HostJvm start(BenchEnvironment environment, String logName, List<String> extraJvmFlags)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(environment.javaBinary().toString());
        command.addAll(BenchEnvironment.measuredJvmFlags());
        command.addAll(extraJvmFlags);
        command.addAll(List.of("-cp", environment.classPath(), HostJvmMain.class.getName()));
        HostJvm host = new HostJvm(ChildProcess.start(command, BenchEnvironment.LAUNCHER_ENVIRONMENT, environment.log(logName)));
        try {
            host.expect("ready");
        } catch (Exception e) {
            host.close();
            throw e;
        }
        return host;
    }

    /** Sends a command and waits for its one-word reply; an "error: ..." reply becomes an exception. */
    public void call(String command, String reply) throws Exception {
        process.send(command);
        expect(reply);
    }

    private void expect(String reply) throws Exception {
        String line = process.awaitLine(candidate -> candidate.equals(reply) || candidate.startsWith("error"),
                REPLY_TIMEOUT);
        if (!reply.equals(line)) {
            throw new IOException("host JVM: expected '" + reply + "', got " + line);
        }
    }

    /** The child's stdout, for commands that stream (indications). */
    public ChildProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.send("quit");
            process.waitFor(Duration.ofSeconds(5));
        } catch (Exception e) {
            // closing below anyway
        }
        process.close();
    }
}
