package org.wwan4j.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.daemon.SystemdNotifier;
import org.wwan4j.agent.eve.EveDaemon;
import org.wwan4j.agent.eve.EveRoot;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.supervisor.ExecutorScheduler;
import org.wwan4j.agent.supervisor.Scheduler;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/**
 * The daemon, run until SIGINT/SIGTERM. The config is checked once before starting so a typo exits 2 at once with
 * its errors; after that the file is watched, and an invalid edit is reported in status while the last good config
 * keeps running.
 */
final class AgentRun {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRun.class);

    private AgentRun() {
    }

    /** Runs the daemon; returns its exit code, or throws a {@link CliFailure} for bad usage or a failed start. */
    static int run(AgentArguments arguments) throws InterruptedException {
        Path config = arguments.config();
        Path eveRoot = arguments.eveRoot();
        if ((config == null) == (eveRoot == null)) {
            throw CliFailure.usage("agent: give either --config FILE or --eve-root DIR");
        }
        if (arguments.eveModemWatchdog() && eveRoot == null) {
            throw CliFailure.usage("agent: --eve-modem-watchdog needs --eve-root");
        }
        if (arguments.eveGlobalConfig() != null && eveRoot == null) {
            throw CliFailure.usage("agent: --eve-global-config needs --eve-root");
        }
        if (config != null) {
            checkConfig(config);
        }
        Integer metricsPort = arguments.metricsPort();
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw CliFailure.usage("--metrics-port " + metricsPort + " is not a port number");
        }
        AgentOptions options = new AgentOptions(config, arguments.status(), metricsPort, arguments.stateDir(),
                arguments.kmsg(), arguments.sysfsRoot(), arguments.devRoot(), AgentOptions.DEFAULT_RESOLV_DIR, true,
                SupervisorSettings.DEFAULTS, true);
        ModemFactories factories = Factories.create(arguments.stateDir(), arguments.sysfsRoot(), arguments.devRoot(),
                arguments.mbimProxy());
        AgentDaemon daemon;
        Runnable stop;
        try {
            if (eveRoot != null) {
                // A bad WwanConfig is not a usage error here: it is reported in WwanStatus, as EVE expects.
                EveRoot root = new EveRoot(eveRoot);
                Path globalConfig = arguments.eveGlobalConfig() != null ? arguments.eveGlobalConfig()
                        : root.globalConfig();
                EveDaemon eve = EveDaemon.start(options, root, globalConfig, arguments.eveModemWatchdog(), factories,
                        null);
                daemon = eve.daemon();
                stop = eve::close;
            } else {
                daemon = AgentDaemon.start(options, factories);
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
