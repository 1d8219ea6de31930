package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.daemon.StatusFileWriter;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.IndicationLoad;
import org.wwan4j.glib.LoopFuture;

/**
 * Eight emulated modems (four QMI, four MBIM), each changing its signal 100 times a second, managed by one agent
 * in this process through the real libqmi/libmbim over ptys. The agent must keep up: no backlog growth on its
 * threads, heap after GC back near where it started, the status file rewritten at a bounded rate and, once the
 * storm stops, every modem's signal in status equal to the emulator's last value.
 *
 * <p>30 s by default; {@code -Dwwan4j.long=true} runs the full 10 minutes. Figures are printed, not asserted
 * (two shared cores): indications delivered per second, backlog, heap, status writes per second, CPU time.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
@Tag("slow")
class LoadTest {

    private static final boolean LONG = Boolean.getBoolean("wwan4j.long");
    private static final Duration STORM = LONG ? Duration.ofMinutes(10) : Duration.ofSeconds(30);
    private static final int QMI_MODEMS = 4;
    private static final int MBIM_MODEMS = 4;
    private static final int INDICATIONS_PER_SECOND = 100;
    /** How often backlog is sampled during the storm (a measurement, not a synchronisation). */
    private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);
    /** Generous: the machine is shared; no figure here is a speed claim. */
    private static final Duration WAIT = Duration.ofMinutes(3);
    /**
     * Queued tasks allowed once the storm is over and status has caught up: each scheduler keeps a few timers
     * (state bound, safety tick, counters), about three per modem plus the agent's own.
     */
    private static final int SETTLED_BACKLOG_BOUND = 40;
    /** The backlog late in the storm may exceed the early one by this much: a system falling behind grows by hundreds a second. */
    private static final int BACKLOG_GROWTH_BOUND = 100;
    /** Heap used after GC at the end may exceed the start by this much (caches warming, JIT data, interned names). */
    private static final long HEAP_MARGIN_BYTES = 16L << 20;

    @TempDir
    Path dir;

    private final List<EmulatedModem> modems = new ArrayList<>();
    private final List<IndicationLoad> loads = new ArrayList<>();
    private AgentDaemon daemon;

    @AfterEach
    void stop() {
        loads.forEach(IndicationLoad::close);
        if (daemon != null) {
            daemon.close();
        }
        modems.forEach(EmulatedModem::close);
    }

    @Test
    void eightModemsAtOneHundredIndicationsASecondLeaveNoBacklogAndACurrentStatus() throws Exception {
        StringBuilder config = new StringBuilder("{\"modems\": [");
        for (int i = 0; i < QMI_MODEMS + MBIM_MODEMS; i++) {
            org.wwan4j.emulator.EmulatedProtocol protocol = i < QMI_MODEMS
                    ? org.wwan4j.emulator.EmulatedProtocol.QMI : org.wwan4j.emulator.EmulatedProtocol.MBIM;
            EmulatedModem modem = EmulatedModem.start(protocol);
            modems.add(modem);
            config.append(i == 0 ? "" : ", ").append("{\"name\": \"m").append(i).append("\", \"match\": {\"device\": \"")
                    .append(modem.path()).append("\"}, \"protocol\": \"").append(protocol.name().toLowerCase())
                    .append("\", \"interface\": \"load").append(i).append("\", \"accessPoint\": {\"apn\": \"internet\"},")
                    .append(" \"probe\": {\"method\": \"none\"}}");
        }
        config.append("]}");
        Path configFile = Files.writeString(dir.resolve("config.json"), config);
        Path statusFile = dir.resolve("status.json");
        for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        SignalEventCounter counter = new SignalEventCounter(ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(dir.resolve("state")))
                .register(Protocol.MBIM, new MbimModemFactory(dir.resolve("state")))
                .build());
        daemon = AgentDaemon.start(new AgentOptions(configFile, statusFile, null, dir.resolve("state"), null,
                dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false, SupervisorSettings.DEFAULTS, false),
                counter, new RecordingIp());
        awaitStatus("all modems connected", s -> s.modems().size() == modems.size() && s.modems().stream()
                .allMatch(m -> m.info() != null && m.info().bearer() != null && m.info().bearer().connected()
                        && m.info().signal() != null));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapStart = heapAfterGc(memory);
        long cpuStart = processCpuNanos();
        long writesStart = daemon.statusWrites();
        long deliveredStart = counter.delivered();
        long stormStart = System.nanoTime();
        for (EmulatedModem modem : modems) {
            loads.add(modem.startIndicationLoad(INDICATIONS_PER_SECOND));
        }
        List<Integer> backlog = new ArrayList<>();
        long maxStatusAgeMillis = 0;
        while (System.nanoTime() - stormStart < STORM.toNanos()) {
            Thread.sleep(SAMPLE_PERIOD.toMillis());
            backlog.add(daemon.backlog() + callbackQueue());
            maxStatusAgeMillis = Math.max(maxStatusAgeMillis, statusFileAgeMillis(statusFile));
        }
        loads.forEach(IndicationLoad::close);
        long writesInStorm = daemon.statusWrites() - writesStart;
        double stormSeconds = (System.nanoTime() - stormStart) / 1e9;
        long sent = loads.stream().mapToLong(IndicationLoad::sent).sum();
        long delivered = counter.delivered() - deliveredStart;

        long catchUpStart = System.nanoTime();
        Map<String, Integer> lastRssi = new HashMap<>();
        for (int i = 0; i < modems.size(); i++) {
            lastRssi.put("m" + i, loads.get(i).lastSignal().rssi());
        }
        awaitStatus("every modem's signal caught up with its emulator", s -> s.modems().stream()
                .allMatch(m -> lastRssi.get(m.name()).equals(rssi(m))));
        double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
        awaitFile("the status file caught up too", () -> fileRssi(statusFile).equals(lastRssi));
        int settledBacklog = daemon.backlog() + callbackQueue();
        long heapEnd = heapAfterGc(memory);
        long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;

        int third = Math.max(1, backlog.size() / 3);
        int early = median(backlog.subList(0, third));
        int late = median(backlog.subList(backlog.size() - third, backlog.size()));
        int maxBacklog = backlog.stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf("LoadTest: %d modems x %d/s for %.1f s: %d signal changes sent, %d delivered to the agent "
                        + "(%.0f/s); backlog median early %d, late %d, max %d, settled %d; heap after GC %.1f -> %.1f MiB; "
                        + "status writes %d (%.2f/s), max status file age %d ms; caught up %.2f s after the storm; "
                        + "CPU %d ms (%.0f %% of one core, agent and emulators)%n",
                modems.size(), INDICATIONS_PER_SECOND, stormSeconds, sent, delivered, delivered / stormSeconds,
                early, late, maxBacklog, settledBacklog, heapStart / 1048576.0, heapEnd / 1048576.0, writesInStorm,
                writesInStorm / stormSeconds, maxStatusAgeMillis, catchUpSeconds, cpuMillis,
                100.0 * cpuMillis / (stormSeconds * 1000));

        assertTrue(delivered > 0, "no signal indication reached the agent");
        assertTrue(settledBacklog <= SETTLED_BACKLOG_BOUND, "backlog after the storm: " + settledBacklog);
        assertTrue(late <= early + BACKLOG_GROWTH_BOUND, "backlog grew during the storm: " + backlog);
        assertTrue(heapEnd <= heapStart + HEAP_MARGIN_BYTES,
                "heap after GC grew from " + heapStart + " to " + heapEnd + " bytes");
        // Writes start at least MIN_WRITE_INTERVAL apart: at most one per interval, plus one at each edge of the window.
        long writeBound = (long) (stormSeconds * 1000 / StatusFileWriter.MIN_WRITE_INTERVAL.toMillis()) + 3;
        assertTrue(writesInStorm <= writeBound, writesInStorm + " status writes in " + stormSeconds + " s");
        assertEquals(modems.size(), daemon.agent().status().modems().size());
    }

    private static Integer rssi(ModemStatus modem) {
        return modem.info() == null || modem.info().signal() == null ? null : modem.info().signal().rssi();
    }

    /** Tasks queued for the bindings' callback threads (the hop from the GLib loop to Java listeners). */
    private static int callbackQueue() {
        return LoopFuture.callbacks() instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** How old the status file's "updated" stamp is now; 0 while it cannot be read. */
    private static long statusFileAgeMillis(Path file) {
        try {
            Map<String, Object> status = JSON.std.mapFrom(Files.readString(file));
            return Duration.between(Instant.parse((String) status.get("updated")), Instant.now()).toMillis();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Each modem's RSSI as the status file has it, by name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> fileRssi(Path file) {
        Map<String, Integer> rssi = new HashMap<>();
        try {
            Map<String, Object> status = JSON.std.mapFrom(Files.readString(file));
            for (Object entry : (List<Object>) status.get("modems")) {
                Map<String, Object> modem = (Map<String, Object>) entry;
                Map<String, Object> signal = (Map<String, Object>) modem.get("signal");
                rssi.put((String) modem.get("name"), signal == null ? null : ((Number) signal.get("rssi")).intValue());
            }
        } catch (Exception e) {
            rssi.clear();
        }
        return rssi;
    }

    private void awaitStatus(String what, java.util.function.Predicate<AgentStatus> condition)
            throws InterruptedException {
        awaitFile(what, () -> condition.test(daemon.agent().status()));
    }

    /** Polls: nothing to be woken by for a file, and the bound only matters when the condition never comes. */
    private static void awaitFile(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
