package org.wwan4j.bench.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.agent.AgentProcess;
import org.wwan4j.bench.memory.AgentRuntime;
import org.wwan4j.bench.proc.SoleJvm;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * One soak: one emulated QMI modem (served from this JVM) and the standalone agent on it, started as the memory
 * section starts it (its runtime image, the launcher's and the agent's flags, a class-data archive written by a
 * run before), then the agent's PSS once a second, counted as the memory section counts it ({@link SoleJvm}), and
 * its bearer from the status file, from the first complete status until the length has passed.
 */
final class SoakRun {

    /**
     * The only setting the soak's config adds to the memory section's. The emulator has no data path: the default
     * probe (the network's DNS servers, then ICMP through the interface) fails, and the agent rightly reconnects every
     * probe interval, which is a fault scenario and no healthy hour. A probe that succeeds would need the agent to
     * apply the bearer's address to an interface, and it then writes its resolv file under the fixed
     * /run/wwan/resolv.conf (no option moves it), so the soak would need a private mount namespace besides the
     * network one, a stand-in interface and a DNS responder: not cheap enough for now.
     */
    static final String PROBE_SETTING = "\"probe\":{\"method\":\"none\"}";
    static final String PROBE_DESCRIPTION = "none (\"probe\": {\"method\": \"none\"}: the emulator has no data path, so"
            + " the default probe would fail and reconnect every 5 minutes)";
    private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);
    private static final Duration PROGRESS_PERIOD = Duration.ofMinutes(1);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);
    private static final String NAME = "agent-soak";

    private final Duration length;
    private final PrintStream progress;

    SoakRun(Duration length, PrintStream progress) {
        this.length = length;
        this.progress = progress;
    }

    SoakFigures run(BenchEnvironment harness, double minutes) throws Exception {
        List<String> notes = new ArrayList<>();
        notes.add("load average at start " + loadAverage());
        AgentRuntime.Choice runtime = AgentRuntime.choose(harness);
        notes.add(runtime.note());
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            try {
                AgentProcess.writeArchive(runtime.environment(), modem.path(), "agent-archive-runtime");
            } catch (Exception e) {
                notes.add("the agent's class-data archive was not written: " + Failures.reason(e));
            } finally {
                modem.state().disconnect(); // the measured agent meets the modem as at boot (BenchContext.dropBearers)
            }
            try (AgentProcess agent = AgentProcess.startWithModemSettings(runtime.environment(),
                    List.of(modem.path()), NAME, PROBE_SETTING)) {
                if (agent.awaitFirstCompleteStatus(1, STATUS_TIMEOUT) < 0) {
                    throw new IOException("the agent wrote no complete status within " + STATUS_TIMEOUT.toSeconds()
                            + " s (its stderr: " + harness.log(NAME) + ")");
                }
                progress.printf(Locale.ROOT, "soak: agent %d has its first complete status; sampling for %s%n",
                        agent.pid(), length);
                Sampled sampled = sample(agent, SoleJvm.of(runtime.environment().javaBinary()), harness.log(NAME));
                notes.add("PSS as the memory section counts it (SoleJvm: the JVM's own files whole, system libraries "
                        + "by their share), read from /proc/PID/smaps once a second");
                notes.add("load average at end " + loadAverage());
                notes.add("private network namespace: " + (System.getenv("WWAN4J_BENCH_PRIVATE_NET") != null));
                notes.add("scratch directory with the agent's config, status and stderr: " + harness.scratch());
                return new SoakFigures(minutes, PROBE_DESCRIPTION, sampled.samples().size(),
                        SoakStatistics.of(sampled.samples()), sampled.connections().reconnects(),
                        sampled.connections().snapshotsNotConnected(), notes);
            }
        }
    }

    private record Sampled(List<PssSample> samples, ConnectionTracker connections) {
    }

    /** One reading a second on a fixed schedule from the first complete status; a late reading skips, never bursts. */
    private Sampled sample(AgentProcess agent, SoleJvm jvm, Path log) throws Exception {
        List<PssSample> samples = new ArrayList<>();
        ConnectionTracker connections = new ConnectionTracker();
        long start = System.nanoTime();
        long period = SAMPLE_PERIOD.toNanos();
        long nextProgress = PROGRESS_PERIOD.toNanos();
        long tick = 0;
        while (tick * period <= length.toNanos()) {
            long wait = start + tick * period - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            if (!agent.isAlive()) {
                throw new IOException("the agent exited during the soak (its stderr: " + log + ")");
            }
            long pss = jvm.pssKb(agent.pid());
            long elapsed = System.nanoTime() - start;
            samples.add(new PssSample(Duration.ofNanos(elapsed), pss));
            readBearer(agent.statusFile()).ifPresent(connections::observe);
            if (elapsed >= nextProgress) {
                nextProgress += PROGRESS_PERIOD.toNanos();
                printProgress(samples, connections);
            }
            tick = Math.max(tick + 1, elapsed / period + 1);
        }
        return new Sampled(samples, connections);
    }

    private void printProgress(List<PssSample> samples, ConnectionTracker connections) {
        PssSample last = samples.getLast();
        long min = samples.stream().mapToLong(PssSample::pssKb).min().orElseThrow();
        long max = samples.stream().mapToLong(PssSample::pssKb).max().orElseThrow();
        progress.printf(Locale.ROOT, "soak: %d s, PSS %d kB (min %d, max %d so far), reconnects %d%n",
                last.sinceFirstStatus().toSeconds(), last.pssKb(), min, max, connections.reconnects());
    }

    private static Optional<ConnectionSnapshot> readBearer(Path statusFile) {
        try {
            return ConnectionSnapshot.fromStatus(Files.readString(statusFile));
        } catch (IOException beingReplaced) {
            return Optional.empty();
        }
    }

    /** The 1-minute load average: how busy the machine was, i.e. how much to trust the figures. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
