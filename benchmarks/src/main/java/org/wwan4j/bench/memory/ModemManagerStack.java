package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;
import org.wwan4j.bench.process.CommandRunner;
import org.wwan4j.bench.process.ProxyDaemon;
import org.wwan4j.bench.proc.ProcessGroup;

/**
 * The design wwan4j replaces on EVE today, minus the Go agent: a private dbus-daemon (never the system bus),
 * ModemManager on it ({@code --test-session}) and qmi-proxy. With a device it is told about the emulated port through
 * an initial kernel-events file (no udev), as a cdc-wdm usbmisc device.
 */
public final class ModemManagerStack implements AutoCloseable {

    private static final String MODEM_MANAGER = "/usr/sbin/ModemManager";
    private static final String MM_SERVICE = "org.freedesktop.ModemManager1";
    private static final String MM_PATH = "/org/freedesktop/ModemManager1";
    private static final String MODEM_OBJECT = "/org/freedesktop/ModemManager1/Modem/";
    private static final Duration BUS_ADDRESS_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MM_NAME_TIMEOUT = Duration.ofSeconds(20);
    private static final String KERNEL_EVENT_REFUSED = "couldn't process line";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BUSCTL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ENABLE_TIMEOUT = Duration.ofSeconds(35);

    private final BenchEnvironment environment;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<Long> groups = new ArrayList<>();
    private String busAddress;

    private ModemManagerStack(BenchEnvironment environment) {
        this.environment = environment;
    }

    /** Starts the bus, qmi-proxy and ModemManager; {@code device} may be null (idle stack, no modem). */
    public static ModemManagerStack start(BenchEnvironment environment, Path device) throws Exception {
        requireInstalled();
        ModemManagerStack stack = new ModemManagerStack(environment);
        try {
            stack.startBus();
            if (device == null) {
                // Idle: qmi-proxy beside MM, as on EVE; with a modem it runs inside MM's sandbox instead.
                ProxyDaemon proxy = ProxyDaemon.start("qmi", environment.log("mm-qmi-proxy"));
                stack.own(proxy, proxy.processGroup());
            }
            stack.startModemManager(device);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    /** Fails with what to install when a program of the stack is missing (a fresh machine without ModemManager). */
    static void requireInstalled() throws IOException {
        for (String program : List.of(MODEM_MANAGER, "/usr/bin/dbus-daemon", "/usr/bin/busctl")) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IOException(program + " is not installed: `scripts/setup.sh --bench` installs the"
                        + " ModemManager baseline (as root; ./wwan4j bench runs it)");
            }
        }
    }

    private void own(AutoCloseable process, long group) {
        started.add(process);
        groups.add(group);
    }

    private void startBus() throws Exception {
        Path config = environment.scratch().resolve("mm-bus.conf");
        Path socket = environment.scratch().resolve("mm-bus.socket");
        Files.writeString(config, busConfig(socket));
        ChildProcess bus = ChildProcess.start(List.of("dbus-daemon", "--config-file=" + config, "--nofork",
                "--print-address=1"), Map.of(), environment.log("mm-dbus"));
        own(bus, bus.pid());
        busAddress = bus.nextLine(BUS_ADDRESS_TIMEOUT);
        if (busAddress == null || !busAddress.startsWith("unix:")) {
            throw new IOException("private dbus-daemon gave no address, see " + environment.log("mm-dbus"));
        }
    }

    /** A session-type bus on a socket in the scratch directory that lets anyone own any name (MM's included). */
    static String busConfig(Path socket) {
        return """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(socket);
    }

    private void startModemManager(Path device) throws Exception {
        List<String> command = new ArrayList<>(List.of(MODEM_MANAGER, "--test-session", "--test-no-udev",
                "--test-no-qrtr", "--no-auto-scan", "--log-level=INFO"));
        if (device != null) {
            command = ModemManagerSandbox.prepare(environment.scratch().resolve("mm-sandbox"), device, command);
        }
        ChildProcess modemManager = ChildProcess.start(command, Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress),
                environment.log(device == null ? "mm-idle" : "mm-modem"));
        own(modemManager, modemManager.pid());
        if (!waitFor(MM_NAME_TIMEOUT, () -> busctl("status", MM_SERVICE))) {
            throw new IOException("ModemManager did not appear on the private bus, see " + environment.log("mm-idle"));
        }
    }

    /**
     * Whether MM exported a modem object within the timeout (it probed the emulated port and accepted it). Fails
     * at once, with MM's own words, if MM refused the kernel event.
     */
    public boolean awaitModem(Duration timeout) throws Exception {
        return waitFor(timeout, () -> {
            String refusal = refusal();
            if (refusal != null) {
                throw new IOException("ModemManager refused the emulated port: " + refusal);
            }
            return busctlOutput("tree", MM_SERVICE).contains(MODEM_OBJECT);
        });
    }

    /**
     * Enables the first modem (Modem.Enable), as EVE's mmagent does for every managed modem, so MM runs its enabled
     * state (registration, signal and status polling). Returns null on success, else why not.
     */
    public String enableModem() throws Exception {
        Path log = environment.log("mm-enable");
        CommandRunner.Completed run = CommandRunner.run(List.of("busctl", "--address=" + busAddress, "--timeout=30",
                "call", MM_SERVICE, MODEM_OBJECT + "0", MM_SERVICE + ".Modem", "Enable", "b", "true"),
                Map.of(), log, ENABLE_TIMEOUT);
        if (run.succeeded()) {
            return null;
        }
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return "Enable failed (exit " + run.exitCode() + ")" + (lines.isEmpty() ? "" : ": " + lines.getLast());
    }

    /** MM's complaint about the initial kernel event, if it logged one. */
    private String refusal() throws IOException {
        Path log = environment.log("mm-modem");
        if (!Files.exists(log)) {
            return null;
        }
        return Files.readAllLines(log).stream().filter(line -> line.contains(KERNEL_EVENT_REFUSED))
                .map(line -> line.substring(line.indexOf(KERNEL_EVENT_REFUSED))).findFirst().orElse(null);
    }

    public long pssKb() {
        return groups.stream().mapToLong(ProcessGroup::pssKb).sum();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean waitFor(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(POLL);
        }
        return false;
    }

    private boolean busctl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("busctl", "--address=" + busAddress));
        command.addAll(List.of(arguments));
        return CommandRunner.run(command, Map.of(), environment.log("mm-busctl"), BUSCTL_TIMEOUT).succeeded();
    }

    private String busctlOutput(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("busctl", "--address=" + busAddress, "--no-pager"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    /** Path of MM's log for diagnosis in notes. */
    public Path log(boolean withModem) {
        return environment.log(withModem ? "mm-modem" : "mm-idle");
    }

    @Override
    public void close() {
        // Reverse order: MM first (it releases its client ids through the proxy), the bus last.
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        started.clear();
    }
}
