package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.supervisor.ExecutorScheduler;
import org.wwan4j.agent.supervisor.IpConfigurator;

/**
 * The agent as EVE's wwan service: NIM's WwanConfig in (watched), WwanStatus, WwanMetrics and WwanLocationInfo
 * out (files and pubsub sockets), the per-interface resolv files NIM reads, and optionally mmagent's per-modem
 * watchdog files. Everything else (state dir, kernel log, sysfs root, metrics endpoint) is the ordinary daemon's.
 */
public final class EveDaemon implements AutoCloseable {

    private final AgentDaemon daemon;
    private final EvePublisher publisher;
    private final ModemWatchdogFiles watchdog;
    private final ExecutorScheduler watchdogScheduler;

    private EveDaemon(AgentDaemon daemon, EvePublisher publisher, ModemWatchdogFiles watchdog,
            ExecutorScheduler watchdogScheduler) {
        this.daemon = daemon;
        this.publisher = publisher;
        this.watchdog = watchdog;
        this.watchdogScheduler = watchdogScheduler;
    }

    /**
     * Starts the daemon on EVE's contract.
     *
     * @param options       the daemon's options; the config file and resolv directory are replaced by EVE's
     * @param root          EVE's run directory
     * @param modemWatchdog register and touch the per-modem watchdog files (EVE's wwan.modem.recovery.watchdog)
     * @param ipOverride    null for rtnetlink, as {@link AgentDaemon#start(AgentOptions, ModemFactory, IpConfigurator)}
     */
    public static EveDaemon start(AgentOptions options, EveRoot root, boolean modemWatchdog, ModemFactory factory,
            IpConfigurator ipOverride) throws IOException {
        return start(options, root, root.globalConfig(), modemWatchdog, factory, ipOverride);
    }

    /**
     * As {@link #start(AgentOptions, EveRoot, boolean, ModemFactory, IpConfigurator)} with EVE's global config
     * read from {@code globalConfig}: its provider scan switch followed while running, its location interval
     * read at start; without it the agent's defaults, see {@link EveGlobalConfig}.
     */
    public static EveDaemon start(AgentOptions options, EveRoot root, Path globalConfig, boolean modemWatchdog,
            ModemFactory factory, IpConfigurator ipOverride) throws IOException {
        // NIM may publish its first WwanConfig after we start: the directory must exist to be watched.
        Files.createDirectories(root.wwanConfig().getParent());
        Optional<EveGlobalConfig> global = EveGlobalConfig.read(globalConfig);
        AgentOptions eve = new AgentOptions(root.wwanConfig(), options.statusFile(), options.metricsPort(),
                options.stateDir(), options.kmsg(), options.sysfsRoot(), options.devRoot(), root.resolvDir(),
                options.hotplug(), global.map(g -> g.applyTo(options.settings())).orElse(options.settings()),
                options.trimMemory());
        // The location interval is fixed here (the supervisors take it at start); the scan switch is re-read with
        // every change of either file by the config watcher.
        WwanConfigReader reader = new WwanConfigReader(globalConfig);
        SysfsDiscovery discovery = new SysfsDiscovery(options.sysfsRoot(), options.devRoot());
        EvePublisher publisher = new EvePublisher(root, reader, new PhysAddrsLookup(discovery::discover));
        ExecutorScheduler watchdogScheduler = modemWatchdog ? new ExecutorScheduler("wwan-eve-watchdog",
                Clock.systemUTC()) : null;
        ModemWatchdogFiles watchdog = modemWatchdog ? new ModemWatchdogFiles(root, watchdogScheduler) : null;
        try {
            AgentDaemon daemon = AgentDaemon.start(eve, factory, ipOverride, globalConfig, reader, agent -> {
                agent.addListener(publisher);
                if (watchdog != null) {
                    agent.addListener(watchdog);
                }
            });
            return new EveDaemon(daemon, publisher, watchdog, watchdogScheduler);
        } catch (IOException | RuntimeException e) {
            publisher.close();
            if (watchdog != null) {
                watchdog.close();
                watchdogScheduler.close();
            }
            throw e;
        }
    }

    public AgentDaemon daemon() {
        return daemon;
    }

    @Override
    public void close() {
        daemon.close();
        publisher.close();
        if (watchdog != null) {
            watchdog.close();
            watchdogScheduler.close();
        }
    }
}
