package org.wwan4j.bench.memory;

import java.nio.file.Path;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;
import org.wwan4j.bench.proc.Jcmd;
import org.wwan4j.bench.proc.SoleJvm;

/**
 * Marginal PSS of the library inside an existing JVM: a child JVM with the launcher's flags is measured alone, then
 * managing 1 modem, then 8. The emulators stay in the harness JVM, so only the client side is counted.
 */
public final class EmbeddedMemory {

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
        try (HostJvm host = HostJvm.start(environment, "host-jvm-memory")) {
            long alone = settledPss(environment, host);
            host.call("open " + devices.get(0), "opened");
            long one = settledPss(environment, host);
            for (Path device : devices.subList(1, 8)) {
                host.call("open " + device, "opened");
            }
            long eight = settledPss(environment, host);
            return new Result(alone, one, eight);
        }
    }

    /** The host's PSS at its steady state ({@link #settle}). */
    static long settledPss(BenchEnvironment environment, HostJvm host) throws Exception {
        settle(environment, host);
        return SoleJvm.of(environment.javaBinary()).pssKb(host.pid());
    }

    /**
     * The host's steady state: its young generation cycled and a full collection (its "settle"), then malloc's free
     * pages returned, as the standalone agent does once quiet and as an embedding application can through
     * {@code NativeHeap.trim()}. The trim comes from outside (jcmd), so the host alone loads nothing of wwan4j and
     * no FFM; the host alone and the host with modems are settled the same way. The trim waits for the cleaner
     * thread, which frees auto arenas and GLib objects the collection found dead.
     */
    static void settle(BenchEnvironment environment, HostJvm host) throws Exception {
        host.call("settle", "settled");
        SteadyState.settle(); // the cleaner thread frees the native memory of what the collection found dead
        new Jcmd(environment.javaBinary()).run(host.pid(), "System.trim_native_heap");
        Thread.sleep(SteadyState.SETTLE.toMillis() / 3);
    }
}
