package org.wwan4j.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.daemon.SystemdNotifier;
import org.wwan4j.agent.eve.EveDaemon;
import org.wwan4j.agent.eve.EveRoot;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.agent.supervisor.ExecutorScheduler;
import org.wwan4j.agent.supervisor.Scheduler;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The daemon. The config is checked once before starting so a typo exits 2 at once with its errors; after that the
 * file is watched, and an invalid edit is reported in status while the last good config keeps running.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run the daemon: config in (watched), status file and metrics out. Stops on SIGINT/SIGTERM.")
final class AgentCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "Agent config (JSON).")
    Path config;

    @Option(names = "--eve-root", paramLabel = "DIR", description = "Run as EVE's wwan service: WwanConfig from "
            + "DIR/nim/WwanConfig, WwanStatus, WwanMetrics, WwanLocationInfo and resolv files under DIR/wwan "
            + "(EVE: /run). Replaces --config.")
    Path eveRoot;

    @Option(names = "--eve-global-config", paramLabel = "FILE", description = "With --eve-root: EVE's global "
            + "config (zedagent's ConfigItemValueMap), read at start for the provider scan switch and the location "
            + "interval (default: zedagent/ConfigItemValueMap/global.json under --eve-root).")
    Path eveGlobalConfig;

    @Option(names = "--eve-modem-watchdog", description = "With --eve-root: register and touch the per-modem "
            + "watchdog files as mmagent does with wwan.modem.recovery.watchdog (EVE then reboots when a modem stays "
            + "gone).")
    boolean eveModemWatchdog;

    @Option(names = "--status", paramLabel = "FILE", description = "Status file, written atomically on each change.")
    Path status;

    @Option(names = "--metrics-port", paramLabel = "N", description = "Prometheus text on 127.0.0.1:N/metrics.")
    Integer metricsPort;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Persistent client IDs (default: ${DEFAULT-VALUE}).")
    Path stateDir = AgentOptions.DEFAULT_STATE_DIR;

    @Option(names = "--kmsg", paramLabel = "PATH", description = "Kernel log to follow (/dev/kmsg or a file in its format).")
    Path kmsg;

    @Option(names = "--sysfs-root", paramLabel = "DIR", description = "sysfs root (default: ${DEFAULT-VALUE}).")
    Path sysfsRoot = SysfsDiscovery.DEFAULT_SYSFS_ROOT;

    @Option(names = "--dev-root", paramLabel = "DIR", description = "Device node root (default: ${DEFAULT-VALUE}).")
    Path devRoot = SysfsDiscovery.DEFAULT_DEV_ROOT;

    @Option(names = "--mbim-proxy", description = "Open every MBIM port through mbim-proxy, sharing it with other "
            + "clients (qmicli/mbimcli -p). Without it only modems with locationTracking go through the proxy, "
            + "which GNSS (QMI over MBIM) on Qualcomm MBIM modems needs.")
    boolean mbimProxy;

    @Override
    public Integer call() throws Exception {
        if ((config == null) == (eveRoot == null)) {
            throw CliFailure.usage("agent: give either --config FILE or --eve-root DIR");
        }
        if (eveModemWatchdog && eveRoot == null) {
            throw CliFailure.usage("agent: --eve-modem-watchdog needs --eve-root");
        }
        if (eveGlobalConfig != null && eveRoot == null) {
            throw CliFailure.usage("agent: --eve-global-config needs --eve-root");
        }
        if (config != null) {
            checkConfig(config);
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw CliFailure.usage("--metrics-port " + metricsPort + " is not a port number");
        }
        AgentOptions options = new AgentOptions(config, status, metricsPort, stateDir, kmsg, sysfsRoot, devRoot,
                AgentOptions.DEFAULT_RESOLV_DIR, true, SupervisorSettings.DEFAULTS, true);
        AgentDaemon daemon;
        Runnable stop;
        try {
            if (eveRoot != null) {
                // A bad WwanConfig is not a usage error here: it is reported in WwanStatus, as EVE expects.
                EveRoot root = new EveRoot(eveRoot);
                EveDaemon eve = EveDaemon.start(options, root,
                        eveGlobalConfig != null ? eveGlobalConfig : root.globalConfig(), eveModemWatchdog,
                        Factories.create(stateDir, sysfsRoot, devRoot, mbimProxy), null);
                daemon = eve.daemon();
                stop = eve::close;
            } else {
                daemon = AgentDaemon.start(options, Factories.create(stateDir, sysfsRoot, devRoot, mbimProxy));
                stop = daemon::close;
            }
        } catch (IOException e) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "agent: cannot start: " + e.getMessage());
        }
        SystemdNotifier systemd = systemdNotifier();
        if (systemd != null) {
            Scheduler pingTimer = systemd.watchdogTimeout() == null ? null
                    : new ExecutorScheduler("wwan-systemd", Clock.systemUTC());
            systemd.ready(pingTimer, daemon.agent()::afterQueuedWork);
        }
        new Lifetime(() -> {
            if (systemd != null) {
                systemd.close(); // STOPPING=1 first: systemd then expects the exit
            }
            stop.run();
        }).await(null);
        return 0;
    }

    /** Under a systemd {@code Type=notify} unit, the notifier; a broken notify socket is reported, not fatal. */
    private static SystemdNotifier systemdNotifier() {
        try {
            return SystemdNotifier.fromEnvironment(System.getenv(), ProcessHandle.current().pid());
        } catch (IOException e) {
            LOG.warn("not notifying systemd: {}", e.getMessage());
            return null;
        }
    }

    /** Exits 2 naming the file and every error in it. */
    static void checkConfig(Path config) {
        try {
            ConfigParser.parse(config);
        } catch (ConfigException e) {
            throw CliFailure.usage("config " + config + ": " + String.join("; ", e.errors()));
        } catch (NoSuchFileException e) {
            throw CliFailure.usage("config " + config + ": no such file");
        } catch (IOException e) {
            throw CliFailure.usage("config " + config + ": " + e.getMessage());
        }
    }
}
