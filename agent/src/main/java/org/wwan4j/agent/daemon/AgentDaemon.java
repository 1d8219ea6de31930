package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.config.ConfigWatcher;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.linux.DeviceNodeWatcher;
import org.wwan4j.agent.linux.FileWatches;
import org.wwan4j.agent.linux.IpSettingsApplier;
import org.wwan4j.agent.linux.KernelLogWatcher;
import org.wwan4j.agent.linux.Rtnetlink;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.agent.linux.UeventListener;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.policy.PasswordSource;
import org.wwan4j.agent.supervisor.ExecutorScheduler;
import org.wwan4j.agent.supervisor.SchedulerThread;
import org.wwan4j.agent.supervisor.IpConfigurator;
import org.wwan4j.agent.supervisor.RejectedPins;

/**
 * The agent as a process: wires {@link Agent} to the config file, sysfs discovery and hot-plug (uevents, and a
 * watch on every configured device path), the kernel log, rtnetlink, the status file and the metrics endpoint.
 * What {@code wwan4j agent} runs.
 */
public final class AgentDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);

    private final Agent agent;
    private final List<AutoCloseable> resources;
    private final SchedulerThread agentThread;
    private final StatusFileWriter statusWriter;

    private AgentDaemon(Agent agent, List<AutoCloseable> resources, SchedulerThread agentThread,
            StatusFileWriter statusWriter) {
        this.agent = agent;
        this.resources = resources;
        this.agentThread = agentThread;
        this.statusWriter = statusWriter;
    }

    /**
     * Tasks queued on the thread of the agent and its supervisors right now (a read-only gauge: under an indication
     * storm it must stay small, not grow).
     */
    public int backlog() {
        return agentThread.queuedTasks();
    }

    /** Status files written so far; 0 without a status file. */
    public long statusWrites() {
        return statusWriter == null ? 0 : statusWriter.writes();
    }

    /** The running agent, e.g. to add a listener (status snapshots for a terminal view). */
    public Agent agent() {
        return agent;
    }

    public static AgentDaemon start(AgentOptions options, ModemFactory factory) throws IOException {
        return start(options, factory, null);
    }

    /**
     * As {@link #start(AgentOptions, ModemFactory)} with another way to apply IP settings (the demo without root
     * records them instead of failing on every netlink change); null means rtnetlink.
     */
    public static AgentDaemon start(AgentOptions options, ModemFactory factory, IpConfigurator ipOverride)
            throws IOException {
        return start(options, factory, ipOverride, null, (content, none) -> ConfigParser.parse(content),
                agent -> { });
    }

    /**
     * As {@link #start(AgentOptions, ModemFactory, IpConfigurator)} for a config in another format: the watched
     * file, with {@code companion} (watched too; null for none), is read with {@code parser}, and {@code attach}
     * sees the agent before the first config reaches it (to add listeners that must not miss the first status, as
     * EVE's publisher).
     */
    public static AgentDaemon start(AgentOptions options, ModemFactory factory, IpConfigurator ipOverride,
            Path companion, ConfigWatcher.CompanionParser parser, Consumer<Agent> attach) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        LOG.debug("starting: config {}, status {}, state dir {}, sysfs {}, dev {}, resolv dir {}, kmsg {}",
                options.configFile(), options.statusFile(), options.stateDir(), options.sysfsRoot(),
                options.devRoot(), options.resolvDir(), options.kmsg());
        try {
            IpConfigurator ip = ipOverride;
            if (ip == null) {
                Rtnetlink rtnetlink = Rtnetlink.open();
                resources.add(rtnetlink);
                ip = new LinuxIpConfigurator(new IpSettingsApplier(rtnetlink, options.resolvDir()), options.sysfsRoot());
            }
            // A platform thread per probe, gone when it ends. Not a virtual one: the first virtual thread starts the
            // JDK's virtual-thread scheduler (carrier threads), its unparker and, once it blocks on a socket, the I/O
            // poller threads, and they all stay for the life of the process, for a probe every five minutes.
            ExecutorService probes = Executors.newThreadPerTaskExecutor(
                    Thread.ofPlatform().name("wwan-probe-", 0).daemon().factory());
            resources.add(probes::shutdownNow);
            Clock clock = Clock.systemUTC();
            // The agent and every supervisor on one thread (SchedulerThread says why); closed after the agent.
            SchedulerThread agentThread = new SchedulerThread("wwan-agent", clock);
            resources.add(agentThread);
            SysfsDiscovery discovery = new SysfsDiscovery(options.sysfsRoot(), options.devRoot());
            AgentEnvironment env = new AgentEnvironment(factory, discovery::discover,
                    ip, new ConnectivityProbe(probes), PasswordSource.files(),
                    agentThread::newScheduler, RandomGenerator.getDefault(),
                    options.settings(), options.stateDir() == null ? RejectedPins.inMemory()
                            : RejectedPins.persistedIn(options.stateDir()));
            Agent agent = new Agent(env);
            resources.add(agent);
            // One thread for the daemon's housekeeping: the status file's coalesced writes, watchdog touches and the
            // quiet-time memory trim. Closed by the watchdog toucher, before the status writer's last write.
            ExecutorScheduler housekeeping = new ExecutorScheduler("wwan-housekeeping", clock);
            StatusFileWriter writer = null;
            if (options.statusFile() != null) {
                writer = new StatusFileWriter(options.statusFile(), housekeeping);
                agent.addListener(writer);
                resources.add(writer); // writes a coalesced last snapshot still pending
            }
            WatchdogToucher watchdog = new WatchdogToucher(housekeeping);
            resources.add(watchdog);
            agent.addListener(watchdog);
            if (options.trimMemory()) {
                QuietTimeTrimmer trimmer = QuietTimeTrimmer.forDaemon(housekeeping, options.settings().cycle());
                resources.add(trimmer);
                agent.addListener(trimmer);
            }
            Integer metricsPort = null;
            if (options.metricsPort() != null) {
                MetricsServer metrics = MetricsServer.start(options.metricsPort(), agent::status);
                resources.add(metrics);
                metricsPort = metrics.port();
                LOG.info("metrics on http://127.0.0.1:{}{}", metrics.port(), MetricsServer.PATH);
            }
            // A modem matched by its device path (an emulator's link, a port under a dev root sysfs does not
            // describe) has no uevent of its own: its path appearing or going is the hot-plug signal.
            // One inotify service and one thread for both file watchers (device paths, the config).
            FileWatches fileWatches = FileWatches.start();
            resources.add(fileWatches);
            DeviceNodeWatcher devicePaths = DeviceNodeWatcher.start(fileWatches, agent::rediscover);
            resources.add(devicePaths);
            if (options.kmsg() != null) {
                resources.add(KernelLogWatcher.start(options.kmsg(), KernelLogWatcher.Start.NOW, agent::kernelEvent));
            }
            attach.accept(agent);
            ConfigWatcher.Listener onConfig = new ConfigWatcher.Listener() {
                @Override
                public void applied(AgentConfig config) {
                    // Watch first: a path that changes while the config is applied is then re-read once more.
                    devicePaths.watch(configuredDevices(config));
                    agent.applyConfig(config);
                    watchdog.configure(config.watchdog());
                }

                @Override
                public void rejected(Path file, List<String> errors) {
                    agent.rejectConfig(errors);
                }
            };
            resources.add(new ConfigWatcher(fileWatches, options.configFile(), companion, AgentConfig.EMPTY, parser,
                    onConfig));
            // Discovery after the config is in: a modem found before would first be opened as unmanaged and,
            // a moment later, again under its config name, two clients on one port while the first closes.
            agent.rediscover();
            if (options.hotplug()) {
                resources.add(UeventListener.start(UeventListener.MODEM_SUBSYSTEMS, new UeventListener.Listener() {
                    @Override
                    public void onUevent(org.wwan4j.agent.linux.Uevent event) {
                        agent.rediscover();
                    }

                    @Override
                    public void onEventsLost() {
                        agent.rediscover();
                    }
                }));
            }
            if (options.stateDir() != null) {
                AgentRunFile run = AgentRunFile.ofThisProcess(options.statusFile(), metricsPort);
                recordRun(options.stateDir(), run, resources);
            }
            return new AgentDaemon(agent, resources, agentThread, writer);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Leaves the run record for {@code wwan4j status} and {@code list}, removed first on close. Without it the
     * agent still runs: only those commands cannot find it, which a warning says.
     */
    private static void recordRun(Path stateDir, AgentRunFile run, List<AutoCloseable> resources) {
        try {
            run.writeTo(stateDir);
        } catch (IOException e) {
            LOG.warn("cannot write the run record {}: {}", AgentRunFile.fileIn(stateDir), e.toString());
            return;
        }
        resources.add(() -> run.deleteFrom(stateDir));
    }

    private static List<Path> configuredDevices(AgentConfig config) {
        return config.modems().stream().map(ModemConfig::match).filter(m -> m.device() != null)
                .map(m -> Path.of(m.device())).toList();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /** Inputs first (config, uevents, kmsg), then the agent, then what it uses. */
    private static void closeAll(List<AutoCloseable> resources) {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource, e.toString());
            }
        }
    }
}
