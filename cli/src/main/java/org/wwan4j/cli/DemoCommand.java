package org.wwan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.view.StatusTable;
import org.wwan4j.agent.view.StatusView;
import org.wwan4j.emulator.EmulatedModem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Emulated modems (one per protocol this build speaks), the real agent driving them through libqmi/libmbim over
 * ptys, and the live status table. Everything lives in a temp dir removed on exit; no hardware and no root needed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Emulated modems + the agent + a live status view; no hardware, no root. Ctrl-C ends it.")
final class DemoCommand implements Callable<Integer> {

    /** Counters every 5 s instead of 60 so the table visibly moves; everything else as in production. */
    private static final SupervisorSettings DEMO_SETTINGS = new SupervisorSettings(
            SupervisorSettings.DEFAULT_SAFETY_TICK, Duration.ofSeconds(5), SupervisorSettings.DEFAULT_SCAN_PERIOD,
            SupervisorSettings.DEFAULT_LOCATION_INTERVAL, SupervisorSettings.DEFAULT_STUCK_AFTER_TIMEOUTS);

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop by itself after this long (default: until Ctrl-C).")
    Integer durationSeconds;

    @Override
    public Integer call() throws Exception {
        if (durationSeconds != null && durationSeconds < 1) {
            // 0 used to pass this check and then mean "until Ctrl-C" (Lifetime's convention): never what was asked.
            throw CliFailure.usage("--duration " + durationSeconds + " must be at least 1 second");
        }
        Path dir = Files.createTempDirectory("wwan4j-demo");
        List<EmulatedModem> modems = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            StringBuilder config = new StringBuilder("{\"radioSilence\": false, \"modems\": [");
            int n = 0;
            for (Protocol protocol : Factories.protocols()) {
                EmulatedModem modem = EmulatedModem.start(protocol == Protocol.QMI
                        ? org.wwan4j.emulator.EmulatedProtocol.QMI : org.wwan4j.emulator.EmulatedProtocol.MBIM);
                modems.add(modem);
                config.append(n == 0 ? "" : ", ").append(modemConfig(protocol, modem.path(), n));
                System.err.println("demo: emulated " + protocol.jsonName().toUpperCase() + " modem on " + modem.path());
                n++;
            }
            config.append("]}\n");
            Path configFile = dir.resolve("config.json");
            Files.writeString(configFile, config);
            Path statusFile = dir.resolve("status.json");
            for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            AgentOptions options = new AgentOptions(configFile, statusFile, null, dir.resolve("state"), null,
                    dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false, DEMO_SETTINGS, false);
            System.err.println("demo: config " + configFile + ", status " + statusFile);
            // The demo's interfaces (emu0...) do not exist unless someone made them: IP settings are only shown.
            String why = isRoot() ? "the demo's interfaces are not real" : "not root";
            System.err.println("demo: IP settings are not applied to interfaces (" + why + ")");
            AgentDaemon daemon = AgentDaemon.start(options,
                    Factories.create(dir.resolve("state"), dir.resolve("sys"), dir.resolve("dev")),
                    new SkippedIp(System.err, why));
            resources.add(daemon);
            StatusView view = StatusView.forStdout("wwan4j demo (Ctrl-C to stop)").start();
            resources.add(view);
            resources.add(SignalDrift.start(modems));
            daemon.agent().addListener(view);
            Lifetime lifetime = new Lifetime(() -> {
                view.close();
                System.out.println();
                System.out.print(StatusTable.table(daemon.agent().status()));
                System.out.flush();
                closeAll(resources, modems, dir);
            });
            lifetime.await(durationSeconds == null ? null : Duration.ofSeconds(durationSeconds));
            return 0;
        } catch (IOException | RuntimeException e) {
            closeAll(resources, modems, dir);
            throw e;
        }
    }

    private static String modemConfig(Protocol protocol, Path device, int index) {
        return "{\"name\": \"" + protocol.jsonName() + (index + 1) + "\", \"match\": {\"device\": \"" + device + "\"},"
                + " \"protocol\": \"" + protocol.jsonName() + "\", \"interface\": \"emu" + index + "\","
                + " \"accessPoint\": {\"apn\": \"internet\"}, \"probe\": {\"method\": \"none\"}}";
    }

    private static void closeAll(List<AutoCloseable> resources, List<EmulatedModem> modems, Path dir) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("demo: closing: " + e.getMessage());
            }
        }
        resources.clear();
        modems.forEach(EmulatedModem::close);
        modems.clear();
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp dir left behind is harmless.
        }
    }

    /** Effective uid 0, read from /proc so no native call or extra module is needed. */
    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            // Unknown: behave as unprivileged.
        }
        return false;
    }
}
