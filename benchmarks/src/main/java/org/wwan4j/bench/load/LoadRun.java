package org.wwan4j.bench.load;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.bench.proc.SmapsRollup;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.IndicationLoad;
import org.wwan4j.glib.LoopFuture;

/**
 * One load run: emulated QMI and MBIM modems, each changing its signal {@code rate} times a second, managed by one
 * agent in this JVM through the real libqmi/libmbim over ptys, sampled once a second. The long form of the agent's
 * {@code LoadTest}, reporting instead of asserting.
 */
final class LoadRun {

    static final int QMI_MODEMS = 4;
    static final int MBIM_MODEMS = 4;
    static final int RATE_PER_MODEM = 100;
    private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);
    /** Bounds for the set-up and the catch-up: generous, they only end a run that went wrong. */
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Duration storm;
    private final PrintStream progress;

    LoadRun(Duration storm, PrintStream progress) {
        this.storm = storm;
        this.progress = progress;
    }

    LoadFigures run(Path dir) throws Exception {
        List<EmulatedModem> modems = new ArrayList<>();
        List<IndicationLoad> loads = new ArrayList<>();
        AgentDaemon daemon = null;
        try {
            for (int i = 0; i < QMI_MODEMS + MBIM_MODEMS; i++) {
                modems.add(EmulatedModem.start(i < QMI_MODEMS
                        ? org.wwan4j.emulator.EmulatedProtocol.QMI : org.wwan4j.emulator.EmulatedProtocol.MBIM));
            }
            Path config = Files.writeString(dir.resolve("config.json"), config(modems));
            Path status = dir.resolve("status.json");
            for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            AtomicLong delivered = new AtomicLong();
            daemon = AgentDaemon.start(new AgentOptions(config, status, null, dir.resolve("state"), null,
                    dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false, SupervisorSettings.DEFAULTS, false),
                    counting(factories(dir.resolve("state")), delivered), new UnappliedIp());
            AgentDaemon agent = daemon;
            progress.println("load: waiting for " + modems.size() + " modems to connect");
            await("all modems connected", () -> allConnected(agent.agent().status(), modems.size()));

            long heapStart = heapAfterGc();
            long pssStart = SmapsRollup.pssKb(ProcessHandle.current().pid());
            long cpuStart = processCpuNanos();
            AgentThreadCpu agentCpu = new AgentThreadCpu();
            Map<Long, Long> agentCpuStart = agentCpu.snapshot();
            long writesStart = daemon.statusWrites();
            long deliveredStart = delivered.get();
            long started = System.nanoTime();
            for (EmulatedModem modem : modems) {
                loads.add(modem.startIndicationLoad(RATE_PER_MODEM));
            }
            List<Integer> backlog = new ArrayList<>();
            long maxStatusAge = 0;
            long nextReport = started + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() - started < storm.toNanos()) {
                Thread.sleep(SAMPLE_PERIOD.toMillis());
                backlog.add(daemon.backlog() + callbackQueue());
                maxStatusAge = Math.max(maxStatusAge, statusAgeMillis(status));
                if (System.nanoTime() > nextReport) {
                    nextReport += Duration.ofMinutes(1).toNanos();
                    progress.printf(Locale.ROOT, "load: %.0f s, backlog %d, delivered %d, heap %.1f MiB%n",
                            (System.nanoTime() - started) / 1e9, backlog.getLast(), delivered.get() - deliveredStart,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
                }
            }
            loads.forEach(IndicationLoad::close);
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
            long agentCpuMillis = AgentThreadCpu.millisBetween(agentCpuStart, agentCpu.snapshot());
            long writes = daemon.statusWrites() - writesStart;
            long deliveredInStorm = delivered.get() - deliveredStart;
            long sent = loads.stream().mapToLong(IndicationLoad::sent).sum();

            Map<String, Integer> last = new HashMap<>();
            for (int i = 0; i < modems.size(); i++) {
                last.put(name(i), loads.get(i).lastSignal().rssi());
            }
            long catchUpStart = System.nanoTime();
            await("status caught up with the emulators", () -> agent.agent().status().modems().stream()
                    .allMatch(m -> last.get(m.name()).equals(rssi(m))));
            long catchUpMillis = (System.nanoTime() - catchUpStart) / 1_000_000;
            int settled = daemon.backlog() + callbackQueue();
            long heapEnd = heapAfterGc();
            long pssEnd = SmapsRollup.pssKb(ProcessHandle.current().pid());
            int third = Math.max(1, backlog.size() / 3);
            return new LoadFigures(modems.size(), RATE_PER_MODEM, seconds, sent, deliveredInStorm,
                    median(backlog.subList(0, third)), median(backlog.subList(backlog.size() - third, backlog.size())),
                    backlog.stream().mapToInt(Integer::intValue).max().orElse(0), settled, heapStart, heapEnd,
                    pssStart, pssEnd, writes, maxStatusAge, catchUpMillis, cpuMillis, agentCpuMillis);
        } finally {
            loads.forEach(IndicationLoad::close);
            if (daemon != null) {
                daemon.close();
            }
            modems.forEach(EmulatedModem::close);
        }
    }

    private static String name(int index) {
        return "load" + index;
    }

    private static String config(List<EmulatedModem> modems) {
        StringBuilder json = new StringBuilder("{\"modems\": [");
        for (int i = 0; i < modems.size(); i++) {
            EmulatedModem modem = modems.get(i);
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(name(i)).append("\", \"match\": {\"device\": \"")
                    .append(modem.path()).append("\"}, \"protocol\": \"").append(modem.protocol().name().toLowerCase(Locale.ROOT))
                    .append("\", \"interface\": \"").append(name(i)).append("\", \"accessPoint\": {\"apn\": \"internet\"},")
                    .append(" \"probe\": {\"method\": \"none\"}}");
        }
        return json.append("]}").toString();
    }

    private static ModemFactories factories(Path stateDir) {
        return ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(stateDir))
                .register(Protocol.MBIM, new MbimModemFactory(stateDir))
                .build();
    }

    /** Counts the signal events each modem delivers to the agent (after libqmi/libmbim and the bindings). */
    private static ModemFactory counting(ModemFactory inner, AtomicLong delivered) {
        return (device, protocol) -> inner.open(device, protocol).thenCompose(modem -> {
            modem.addListener(event -> {
                if (event instanceof ModemEvent.SignalChanged) {
                    delivered.incrementAndGet();
                }
            });
            return CompletableFuture.completedFuture(modem);
        });
    }

    private static boolean allConnected(AgentStatus status, int count) {
        return status.modems().size() == count && status.modems().stream().allMatch(m -> m.info() != null
                && m.info().bearer() != null && m.info().bearer().connected() && m.info().signal() != null);
    }

    private static Integer rssi(ModemStatus modem) {
        return modem.info() == null || modem.info().signal() == null ? null : modem.info().signal().rssi();
    }

    private static int callbackQueue() {
        return LoopFuture.callbacks() instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long statusAgeMillis(Path file) {
        try {
            Map<String, Object> status = JSON.std.mapFrom(Files.readString(file));
            return Duration.between(Instant.parse((String) status.get("updated")), Instant.now()).toMillis();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
