package org.wwan4j.agent.recovery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.daemon.Agent;
import org.wwan4j.agent.daemon.AgentEnvironment;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.ExecutorScheduler;
import org.wwan4j.agent.supervisor.RecoveryBounds;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedProber;

/**
 * The agent on real threads and clocks over a real modem factory (libqmi/libmbim on the emulator's pty), with
 * recovery bounds short enough for a test and IP settings recorded. Waits are bounded and woken by every status
 * the agent publishes.
 */
final class RecoveryHarness implements AutoCloseable {

    /** Generous: two cores shared with other builds; no test asserts how fast anything is. */
    static final Duration WAIT = Duration.ofSeconds(120);
    /** Counters are read every second, so a modem that stops answering is noticed within one request bound. */
    static final Duration COUNTERS_PERIOD = Duration.ofSeconds(1);
    /**
     * Steps bounded tightly (a reopen of a hung port is given up after 8 s) so the ladder moves on within the
     * test's time; the long variant uses the production bounds.
     */
    static final RecoveryBounds BOUNDS = Boolean.getBoolean("wwan4j.long") ? RecoveryBounds.DEFAULTS
            : new RecoveryBounds(Duration.ofSeconds(8), Duration.ofSeconds(60), Duration.ofSeconds(10),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), RecoveryBounds.DEFAULT_KERNEL_HOLDOFF);

    final RecordingIp ip = new RecordingIp();
    final ScriptedProber prober = new ScriptedProber();
    final Agent agent;
    private final Object signal = new Object();

    RecoveryHarness(ModemFactory factory) {
        System.out.println("recovery bounds (" + (Boolean.getBoolean("wwan4j.long") ? "long" : "short")
                + " variant): " + BOUNDS);
        SupervisorSettings settings = new SupervisorSettings(SupervisorSettings.DEFAULT_SAFETY_TICK, COUNTERS_PERIOD,
                SupervisorSettings.DEFAULT_SCAN_PERIOD, SupervisorSettings.DEFAULT_LOCATION_INTERVAL, 1, BOUNDS);
        agent = new Agent(new AgentEnvironment(factory, List::of, ip, prober, accessPoint -> Optional.empty(),
                key -> new ExecutorScheduler("test-" + key, Clock.systemUTC()), new FixedRandom(0.5), settings));
        agent.addListener(new AgentListener() {
            @Override
            public void statusChanged(AgentStatus status) {
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        });
    }

    void start(ModemConfig modem) {
        agent.applyConfig(new AgentConfig(false, false, List.of(modem)));
        agent.rediscover();
    }

    /** The first status (from now on, or the current one) whose first modem matches. */
    ModemStatus awaitModem(String what, Predicate<ModemStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            AgentStatus current = agent.status();
            if (!current.modems().isEmpty() && condition.test(current.modems().getFirst())) {
                return current.modems().getFirst();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; last status: " + current);
            }
            synchronized (signal) {
                signal.wait(Math.max(1, Math.min(left / 1_000_000, 500)));
            }
        }
    }

    static boolean connectedAndHealthy(ModemStatus m) {
        return m.info() != null && m.info().bearer() != null && m.info().bearer().connected()
                && m.health().state() == HealthState.OK;
    }

    /** The modem's recovery events so far (the status keeps the last few). */
    static List<String> recoveryEvents(ModemStatus m) {
        return m.events().stream().filter(e -> e.kind().equals("recovery")).map(e -> e.message()).toList();
    }

    @Override
    public void close() {
        agent.close();
    }
}
