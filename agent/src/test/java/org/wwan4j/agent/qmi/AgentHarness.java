package org.wwan4j.agent.qmi;

import org.wwan4j.agent.mbim.MbimModemFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.RecordingIp;

/**
 * The real agent (config file watcher, supervisors, status file) over the real QMI stack, with every Linux root in a
 * temp dir, no hot-plug, and IP settings recorded instead of applied. Waits are bounded and event driven: each
 * status the agent publishes is checked as it arrives.
 */
final class AgentHarness implements AutoCloseable {

    /** Generous: two cores shared with other builds; no test asserts how fast anything is. */
    static final Duration WAIT = Duration.ofSeconds(60);

    final Path dir;
    final Path config;
    final Path status;
    final RecordingIp ip = new RecordingIp();
    final AgentDaemon daemon;
    private final List<AgentStatus> seen = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();

    AgentHarness(Path dir, String configJson, SupervisorSettings settings) throws IOException {
        this(dir, configJson, settings, null);
    }

    /**
     * @param kernel the kernel's data format per interface, or null for qmi_wwan's raw_ip switch under the temp
     *               sysfs root (absent unless the test writes {@code sys/class/net/IFACE/qmi/raw_ip}: 802.3 only)
     */
    AgentHarness(Path dir, String configJson, SupervisorSettings settings,
            java.util.function.Function<String, org.wwan4j.agent.modem.KernelDataFormat> kernel) throws IOException {
        this.dir = dir;
        ip.kernel = kernel != null ? kernel : name -> new org.wwan4j.agent.linux.SysfsRawIp(dir.resolve("sys"), name);
        this.config = dir.resolve("config.json");
        this.status = dir.resolve("status.json");
        Files.writeString(config, configJson);
        for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        AgentOptions options = new AgentOptions(config, status, null, dir.resolve("state"), null, dir.resolve("sys"),
                dir.resolve("dev"), dir.resolve("resolv"), false, settings, false);
        ModemFactories factories = ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(dir.resolve("state")))
                .register(Protocol.MBIM, new MbimModemFactory(dir.resolve("state")))
                .build();
        daemon = AgentDaemon.start(options, factories, ip);
        daemon.agent().addListener(new AgentListener() {
            @Override
            public void statusChanged(AgentStatus s) {
                seen.add(s);
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        });
    }

    static SupervisorSettings settings(Duration safetyTick, Duration countersPeriod) {
        return new SupervisorSettings(safetyTick, countersPeriod, SupervisorSettings.DEFAULT_SCAN_PERIOD,
                SupervisorSettings.DEFAULT_LOCATION_INTERVAL, SupervisorSettings.DEFAULT_STUCK_AFTER_TIMEOUTS);
    }

    /** A config with one modem on the device, APN "internet", the given extra fields of the modem entry. */
    static String config(String device, String extraModemFields, String extraTopFields) {
        return "{" + (extraTopFields.isEmpty() ? "" : extraTopFields + ", ")
                + "\"modems\": [{\"name\": \"m1\", \"match\": {\"device\": \"" + device + "\"}, \"protocol\": \"qmi\","
                + " \"interface\": \"emu0\", \"accessPoint\": {\"apn\": \"internet\"}, \"probe\": {\"method\": \"none\"}"
                + (extraModemFields.isEmpty() ? "" : ", " + extraModemFields) + "}]}";
    }

    /** Replaces the config file atomically, as a controller would. */
    void writeConfig(String json) throws IOException {
        Path temp = dir.resolve("config.json.tmp");
        Files.writeString(temp, json);
        Files.move(temp, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The first published status (from now on, or the current one) whose first modem matches. */
    ModemStatus awaitModem(String what, Predicate<ModemStatus> condition) throws InterruptedException {
        AgentStatus s = await(what, st -> !st.modems().isEmpty() && condition.test(st.modems().get(0)));
        return s.modems().get(0);
    }

    AgentStatus await(String what, Predicate<AgentStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            AgentStatus current = daemon.agent().status();
            if (condition.test(current)) {
                return current;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; last status: " + current);
            }
            synchronized (signal) {
                // Woken by every published status; the timeout only bounds a wait for one that never comes.
                signal.wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
            }
        }
    }

    /** Waits for a condition on something other than status (the emulator's state, recorded IP calls). */
    static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        daemon.close();
    }
}
