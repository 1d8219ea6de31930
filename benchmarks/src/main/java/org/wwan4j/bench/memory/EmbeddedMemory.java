package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvmMain;
import org.wwan4j.bench.process.ChildProcess;
import org.wwan4j.bench.proc.SmapsRollup;

/**
 * Marginal PSS of the library inside an existing JVM: a child JVM with the launcher's flags is measured alone, then
 * managing 1 modem, then 8. The emulators stay in the harness JVM, so only the client side is counted.
 */
public final class EmbeddedMemory {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    /** PSS of the host JVM alone and with the library managing 1 and 8 modems, in kB. */
    public record Result(long hostAloneKb, long withOneKb, long withEightKb) {
        public long marginalOneKb() {
            return withOneKb - hostAloneKb;
        }

        public long marginalEightKb() {
            return withEightKb - hostAloneKb;
        }
    }

    private final BenchEnvironment environment;

    public EmbeddedMemory(BenchEnvironment environment) {
        this.environment = environment;
    }

    /** Needs at least 8 devices; the first is opened for the 1-modem figure, the other 7 added for 8. */
    public Result measure(List<Path> devices) throws Exception {
        if (devices.size() < 8) {
            throw new IllegalArgumentException("needs 8 emulated modems, got " + devices.size());
        }
        List<String> command = new ArrayList<>();
        command.add(environment.javaBinary().toString());
        command.addAll(BenchEnvironment.LAUNCHER_FLAGS);
        command.addAll(List.of("-cp", environment.classPath(), HostJvmMain.class.getName()));
        try (ChildProcess host = ChildProcess.start(command, Map.of(), environment.log("host-jvm"))) {
            expect(host, "ready");
            long alone = settledPss(host);
            open(host, devices.get(0));
            long one = settledPss(host);
            for (Path device : devices.subList(1, 8)) {
                open(host, device);
            }
            long eight = settledPss(host);
            host.send("quit");
            return new Result(alone, one, eight);
        }
    }

    private static void open(ChildProcess host, Path device) throws Exception {
        host.send("open " + device);
        expect(host, "opened");
    }

    private static long settledPss(ChildProcess host) throws Exception {
        host.send("settle");
        expect(host, "settled");
        SteadyState.settle();
        return SmapsRollup.pssKb(host.pid());
    }

    private static void expect(ChildProcess host, String reply) throws Exception {
        String line = host.awaitLine(candidate -> candidate.equals(reply) || candidate.startsWith("error"),
                REPLY_TIMEOUT);
        if (!reply.equals(line)) {
            throw new IOException("host JVM: expected '" + reply + "', got " + line);
        }
    }
}
