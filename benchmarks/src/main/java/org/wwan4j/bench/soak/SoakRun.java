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
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.policy.IcmpProber;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.PrivateNetwork;
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
     * What the soak's config adds to the memory section's for a healthy modem: the interface the agent puts the
     * bearer on ({@link SoakNetwork}); the probe stays the default, whose first step, a DNS query to the network's
     * servers, the soak's network answers.
     */
    static final String HEALTHY_SETTINGS = "\"interface\":\"" + SoakNetwork.INTERFACE + "\"";
    /**
     * Without that network (no private namespaces: not root) the probe is switched off instead: the emulator has no
     * data path, the default probe would fail, and the agent would rightly reconnect every probe interval, a fault
     * scenario and no healthy hour.
     */
    static final String NO_PROBE_SETTINGS = "\"probe\":{\"method\":\"none\"}";
    static final String NO_PROBE_DESCRIPTION = "none (\"probe\": {\"method\": \"none\"}: no private namespaces "
            + "for a network the probe could reach, and without one the default probe fails and reconnects every "
            + "5 minutes)";

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
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI);
             SoakNetwork network = network(notes)) {
            try {
                // On the soak's network the training run's probes get their answers, so the archive holds the
                // probe's classes, as one written when a first run in the field exits does.
                AgentProcess.writeArchive(runtime.environment(), modem.path(), "agent-archive-runtime",
                        network != null ? HEALTHY_SETTINGS : "");
            } catch (Exception e) {
                notes.add("the agent's class-data archive was not written: " + Failures.reason(e));
            } finally {
                modem.state().disconnect(); // the measured agent meets the modem as at boot (BenchContext.dropBearers)
            }
            long answeredInTraining = network == null ? 0 : network.answered();
            try (AgentProcess agent = AgentProcess.startWithModemSettings(runtime.environment(),
                    List.of(modem.path()), NAME, network != null ? HEALTHY_SETTINGS : NO_PROBE_SETTINGS)) {
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
                notes.add("private network and mount namespaces: " + PrivateNetwork.mountsArePrivate());
                notes.add("scratch directory with the agent's config, status and stderr: " + harness.scratch());
                String probe = network == null ? NO_PROBE_DESCRIPTION
                        : healthyDescription(network, network.answered() - answeredInTraining);
                return new SoakFigures(minutes, probe, sampled.samples().size(),
                        SoakStatistics.of(sampled.samples()), sampled.connections().reconnects(),
                        sampled.connections().snapshotsNotConnected(), notes);
            }
        }
    }

    /** The soak's network when it can be made, else null with a note saying why. */
    private static SoakNetwork network(List<String> notes) {
        if (!SoakNetwork.possible()) {
            notes.add("no private network and mount namespaces (they need root): the probe is off");
            return null;
        }
        try {
            return SoakNetwork.start();
        } catch (Exception e) {
            notes.add("the soak's network could not be made, the probe is off: " + Failures.reason(e));
            return null;
        }
    }

    private static String healthyDescription(SoakNetwork network, long answered) {
        return "the default (the network's DNS servers, then icmp " + IcmpProber.DEFAULT_HOST + ", every "
                + ProbeConfig.DEFAULT_INTERVAL_SECONDS + " s) on interface "
                + SoakNetwork.INTERFACE + "; the soak answers DNS at " + String.join(" and ", network.servers())
                + " inside its private namespaces, so the modem looks healthy (" + answered
                + " queries answered)";
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
