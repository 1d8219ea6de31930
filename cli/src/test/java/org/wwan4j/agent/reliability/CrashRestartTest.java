package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.glib.DurableFile;

/**
 * kill -9 the real agent (a child JVM started as the launcher starts it) at random moments while it manages an
 * emulated modem, and check after every kill what a device would depend on:
 * <ul>
 * <li>the status file is one whole JSON document naming the configured modem (atomic writes);</li>
 * <li>the modem holds no more client IDs than before the cycle (the CID store is reused, nothing leaks);</li>
 * <li>no connect request ever reaches the modem while its bearer is up, the agent never drops the bearer, and a
 *     bearer that was up when the agent died is adopted by the next one: no new connect request at all (before
 *     some cycles the network drops the bearer, so connects, and kills inside them, happen too);</li>
 * <li>the config file is untouched.</li>
 * </ul>
 * At the end the agent is started once more and must reach connected. The emulator runs in this process; the agent
 * keeps no interface (none configured, none beside a pty), so IP settings are never applied anywhere.
 *
 * <p>CI runs {@link #QMI_CYCLES} / {@link #MBIM_CYCLES} cycles; {@code -Dwwan4j.long=true} runs 100 per protocol.
 * {@code -Dwwan4j.crash.cycles=N} sets both counts. The seed is fixed (override with {@code -Dwwan4j.crash.seed=N})
 * so a failing sequence can be replayed.
 */
@Timeout(value = 90, unit = TimeUnit.MINUTES)
@Tag("slow")
class CrashRestartTest {

    private static final boolean LONG = Boolean.getBoolean("wwan4j.long");
    private static final int QMI_CYCLES = Integer.getInteger("wwan4j.crash.cycles", LONG ? 100 : 25);
    private static final int MBIM_CYCLES = Integer.getInteger("wwan4j.crash.cycles", LONG ? 100 : 12);
    private static final long SEED = Long.getLong("wwan4j.crash.seed", 20261123L);
    /**
     * Most kills land anywhere in the first seconds: JVM start, open, CIDs, registration, connect (a start reaches
     * connected after 3-5 s on this shared two-core machine).
     */
    private static final Duration MAX_KILL_DELAY = Duration.ofSeconds(5);
    /** The rest wait for connected first, then kill soon after: counters, status writes, a live bearer. */
    private static final double KILL_AFTER_CONNECTED_SHARE = 0.3;
    private static final Duration MAX_DELAY_AFTER_CONNECTED = Duration.ofSeconds(1);
    /**
     * Before some cycles the network drops the bearer while no agent runs, so the next agent must connect, and the
     * kill can land inside the connect (between the modem bringing the call up and the agent noting its handle).
     */
    private static final double BEARER_DROPPED_SHARE = 0.25;
    /** Bounds waits for the agent or the port; generous, the machine is shared with other builds. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long a killed agent's port may take to be seen closed when the emulator may never have seen it open. */
    private static final Duration PORT_SETTLE = Duration.ofSeconds(5);
    private static final String MODEM_NAME = "crash-m1";
    private static final String APN = "internet";

    @TempDir
    Path dir;

    /** Every agent started, so one left running by a failed assertion is killed after the test. */
    private final List<CrashAgentProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (CrashAgentProcess agent : started) {
            if (agent.isAlive()) {
                agent.killHard();
            }
        }
    }

    @Test
    void qmiAgentSurvivesKill9AtRandomMoments() throws Exception {
        survivesKills(EmulatedProtocol.QMI, QMI_CYCLES);
    }

    @Test
    void mbimAgentSurvivesKill9AtRandomMoments() throws Exception {
        survivesKills(EmulatedProtocol.MBIM, MBIM_CYCLES);
    }

    private void survivesKills(EmulatedProtocol protocol, int cycles) throws Exception {
        long testStart = System.nanoTime();
        String name = protocol.name().toLowerCase(Locale.ROOT);
        Path config = dir.resolve("config.json");
        Path status = dir.resolve("run").resolve("status.json");
        Path stateDir = dir.resolve("state");
        Path sysfs = dir.resolve("sys");
        Path log = dir.resolve("agent.log");
        Files.createDirectories(status.getParent());
        Files.createDirectories(sysfs);
        CrashTimings fresh = new CrashTimings(name + " start to connected, bearer brought up");
        CrashTimings adopted = new CrashTimings(name + " start to connected, bearer adopted");
        Random random = new Random(SEED + protocol.ordinal());
        System.out.printf("crash suite %s: %d cycles, seed %d%n", name, cycles, SEED);

        try (EmulatedModem modem = EmulatedModem.start(protocol);
             CrashBearerDrops drops = CrashBearerDrops.on(modem.state())) {
            EmulatorStatistics statistics = modem.statistics();
            Files.writeString(config, config(protocol, modem.path()));
            byte[] configBytes = Files.readAllBytes(config);
            Runner runner = new Runner(modem, config, status, stateDir, sysfs, log, started);

            // The first run allocates the client IDs and stores them; a kill inside that one window could leave a
            // CID the store never heard of (the modem allocated it, the process died before writing it down). From
            // then on every run reuses the stored ones, and that is what the cycles check.
            CrashAgentProcess first = runner.start();
            fresh.add(runner.awaitConnected(first));
            runner.kill(first);
            Map<String, Integer> baseline = statistics.clientsAllocated();
            System.out.printf("crash suite %s: first run connected; client IDs held %s%n", name, baseline);

            int survived = 0;
            int networkDrops = 0;
            for (int cycle = 1; cycle <= cycles; cycle++) {
                long cycleStart = System.nanoTime();
                int n = cycle;
                if (random.nextDouble() < BEARER_DROPPED_SHARE && modem.state().disconnect()) {
                    networkDrops++;
                }
                Map<String, Integer> before = statistics.clientsAllocated();
                long connectsBefore = statistics.connectRequests();
                boolean upBefore = modem.state().bearer().connected();
                boolean afterConnected = random.nextDouble() < KILL_AFTER_CONNECTED_SHARE;
                Duration delay = Duration.ofMillis(random.nextLong(
                        (afterConnected ? MAX_DELAY_AFTER_CONNECTED : MAX_KILL_DELAY).toMillis() + 1));

                CrashAgentProcess agent = runner.start();
                String reached = "-";
                if (afterConnected) {
                    Duration toConnected = runner.awaitConnected(agent);
                    (upBefore ? adopted : fresh).add(toConnected);
                    reached = "connected after " + CrashTimings.seconds(toConnected);
                }
                assertFalse(agent.exitsWithin(delay), "the agent exited on its own; see " + log);
                Duration ranFor = Duration.ofNanos(agent.elapsedNanos());
                runner.kill(agent);
                boolean upAtKill = modem.state().bearer().connected();

                CrashStatusFile left = CrashStatusFile.read(status);
                assertTrue(left.exists(), "a status file exists after the first run");
                String wrote = !left.writtenSince(agent.startedAt()) ? "no status yet"
                        : left.connected() ? "status connected" : "status not connected";
                assertEquals(MODEM_NAME, left.modemName(), "the status file names the configured modem");
                assertArrayEquals(configBytes, Files.readAllBytes(config), "the config file is unchanged");
                statistics.clientsAllocated().forEach((service, held) -> assertTrue(
                        held <= before.getOrDefault(service, 0), "cycle " + n + ": " + service
                                + " client IDs grew from " + before + " to " + statistics.clientsAllocated()));
                assertEquals(0, statistics.connectRequestsWhileUp(), "no connect request while the bearer is up");
                assertEquals(networkDrops, drops.drops(), "the bearer was never dropped but by the network");
                if (upBefore) {
                    assertEquals(connectsBefore, statistics.connectRequests(),
                            "the bearer left up by the previous run was adopted, not connected again");
                }
                assertTrue(temporaryFiles(status.getParent()) <= 1, "at most one temporary status file");
                List<Path> stray = strayTemporaryFiles(stateDir);
                assertTrue(stray.isEmpty(), "state files leave only their one fixed temporary file: " + stray);
                survived++;
                System.out.printf("crash %s cycle %3d: %-15s kill after %s (%s; %s), bearer %s -> %s, connects %d,"
                                + " cycle %s%n", name, cycle, afterConnected ? "after-connected" : "random",
                        CrashTimings.seconds(ranFor), reached, wrote, upBefore ? "up" : "down",
                        upAtKill ? "up" : "down",
                        statistics.connectRequests(), CrashTimings.seconds(Duration.ofNanos(System.nanoTime()
                                - cycleStart)));
            }

            boolean upBefore = modem.state().bearer().connected();
            long connectsBefore = statistics.connectRequests();
            CrashAgentProcess last = runner.start();
            Duration toConnected = runner.awaitConnected(last);
            (upBefore ? adopted : fresh).add(toConnected);
            CrashStatusFile end = CrashStatusFile.read(status);
            assertEquals(MODEM_NAME, end.modemName());
            assertEquals(APN, end.apn());
            if (upBefore) {
                assertEquals(connectsBefore, statistics.connectRequests(), "the final run adopts the live bearer");
                assertTrue(end.events().stream().anyMatch(e -> e.startsWith("adopted")), end.events()::toString);
            }
            last.stop();
            assertEquals(baseline, statistics.clientsAllocated(), "the client IDs of the first run, no more");
            assertEquals(0, statistics.connectRequestsWhileUp());
            assertEquals(networkDrops, drops.drops());

            System.out.printf("crash suite %s: %d of %d cycles survived, %d connect requests in all (%d while up),"
                            + " %d bearer drops (%d by the network), %s in all%n", name, survived, cycles,
                    statistics.connectRequests(), statistics.connectRequestsWhileUp(), drops.drops(), networkDrops,
                    CrashTimings.seconds(Duration.ofNanos(System.nanoTime() - testStart)));
            System.out.println("crash suite " + fresh.summary());
            System.out.println("crash suite " + adopted.summary());
        }
    }

    private static String config(EmulatedProtocol protocol, Path device) {
        return "{\"modems\": [{\"name\": \"" + MODEM_NAME + "\", \"match\": {\"device\": \"" + device + "\"},"
                + " \"protocol\": \"" + protocol.name().toLowerCase(Locale.ROOT) + "\","
                + " \"accessPoint\": {\"apn\": \"" + APN + "\"}, \"probe\": {\"method\": \"none\"}}]}\n";
    }

    private static long temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(DurableFile.TEMP_SUFFIX)).count();
        }
    }

    /**
     * Temporary files in {@code dir} not named {@code .NAME.tmp}, the one fixed name per file: a random name per
     * write (what {@code Files.createTempFile} gives) would pile up, one per kill.
     */
    private static List<Path> strayTemporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(DurableFile.TEMP_SUFFIX)
                    && !f.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** Starts and kills agents on one emulated modem, waiting on what the modem and the status file show. */
    private record Runner(EmulatedModem modem, Path config, Path status, Path stateDir, Path sysfs, Path log,
                          List<CrashAgentProcess> started) {

        CrashAgentProcess start() throws IOException {
            CrashAgentProcess agent = CrashAgentProcess.start(config, status, stateDir, sysfs, log);
            started.add(agent);
            return agent;
        }

        /** Time from start until the status file shows the bearer connected on the configured APN. */
        Duration awaitConnected(CrashAgentProcess agent) throws Exception {
            until("the agent " + agent.pid() + " reports connected", () -> {
                if (!agent.isAlive()) {
                    throw new AssertionError("the agent exited before connecting; see " + log);
                }
                try {
                    CrashStatusFile now = CrashStatusFile.read(status);
                    return now.writtenSince(agent.startedAt()) && now.connected() && APN.equals(now.apn());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            return Duration.ofNanos(agent.elapsedNanos());
        }

        /**
         * kill -9, then, if the agent had the port open, wait until the emulator has seen it go (and flushed what
         * it left), so the next agent does not start on a dead one's leftovers. An agent killed right after opening
         * the port, before the emulator's next poll saw it and before it sent anything, is never seen as a client:
         * it left nothing to flush, so that wait is bounded by {@link #PORT_SETTLE} and not an error.
         */
        void kill(CrashAgentProcess agent) throws Exception {
            long closes = modem.statistics().lastClientCloses();
            boolean hadPort = agent.hasOpen(modem.path());
            agent.killHard();
            if (hadPort) {
                boolean seen = within(PORT_SETTLE, () -> modem.statistics().lastClientCloses() > closes);
                if (!seen) {
                    System.out.printf("crash: agent %d had the port open but the emulator never saw it as a client%n",
                            agent.pid());
                }
            }
        }

        private static void until(String what, BooleanSupplier condition) throws InterruptedException {
            if (!within(WAIT, condition)) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
        }

        private static boolean within(Duration bound, BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + bound.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(POLL.toMillis());
            }
            return true;
        }
    }
}
