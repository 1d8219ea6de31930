package org.wwan4j.agent.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.linux.HardwareIds;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.policy.KernelReaction;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.supervisor.Desired;
import org.wwan4j.agent.supervisor.ModemSupervisor;
import org.wwan4j.agent.supervisor.RebindTarget;
import org.wwan4j.agent.supervisor.Scheduler;
import org.wwan4j.agent.supervisor.SupervisorListener;

/**
 * The agent without its Linux plumbing: pairs the config with the modems present, keeps one
 * {@link ModemSupervisor} per modem (configured and present, configured and missing, or unmanaged), hands out the
 * single GNSS grant, and merges the supervisors' statuses into one {@link AgentStatus} for its listeners.
 *
 * <p>Inputs ({@link #applyConfig}, {@link #rejectConfig}, {@link #rediscover}, {@link #kernelEvent}) may come
 * from any thread; all work happens on the agent's own scheduler thread, so this class has no locks.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    /** Prefix of an unmanaged modem's key, keeping it apart from any config name. */
    static final String UNMANAGED_PREFIX = "unmanaged:";
    static final String AGENT_SCHEDULER = "agent";

    private final AgentEnvironment env;
    private final Scheduler scheduler;
    private final List<AgentListener> listeners = new CopyOnWriteArrayList<>();

    // Agent-thread state.
    private AgentConfig config = AgentConfig.EMPTY;
    private boolean configSeen;
    private String configError;
    private Instant radioRequestedAt;
    private List<DiscoveredModem> present = List.of();
    private final Map<String, String> imeiByPort = new HashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private volatile AgentStatus lastStatus;
    private boolean publishPending;
    private boolean closed;

    /** One supervisor and what the agent last told it. */
    private static final class Entry {
        final ModemSupervisor supervisor;
        final Scheduler scheduler;
        DiscoveredModem modem;
        Desired desired;
        ModemStatus status;

        Entry(ModemSupervisor supervisor, Scheduler scheduler) {
            this.supervisor = supervisor;
            this.scheduler = scheduler;
        }
    }

    public Agent(AgentEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
        this.scheduler = env.schedulers().apply(AGENT_SCHEDULER);
        this.radioRequestedAt = scheduler.now();
        this.lastStatus = new AgentStatus(radioRequestedAt, false, null, null, List.of());
    }

    public void addListener(AgentListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AgentListener listener) {
        listeners.remove(listener);
    }

    /** The latest merged status; safe from any thread. */
    public AgentStatus status() {
        return lastStatus;
    }

    // ---------------------------------------------------------------- inputs

    /** A new valid config (from the watched file or an embedder). */
    public void applyConfig(AgentConfig next) {
        Objects.requireNonNull(next, "next");
        scheduler.execute(() -> {
            if (closed) {
                return;
            }
            if (!configSeen || next.radioSilence() != config.radioSilence()) {
                // The echo in status must reach this time for the requester to see its request done.
                radioRequestedAt = scheduler.now();
            }
            configSeen = true;
            config = next;
            configError = null;
            reconcile();
        });
    }

    /** The config file changed but is invalid: report it, keep the last good config running. */
    public void rejectConfig(List<String> errors) {
        scheduler.execute(() -> {
            configError = String.join("; ", errors);
            LOG.warn("config rejected, keeping the last good one: {}", configError);
            schedulePublish();
        });
    }

    /**
     * Runs {@code task} on the agent's thread after the work queued before it: proof that the thread still takes
     * work (the systemd watchdog pings go through here). The task must be short and must not block.
     */
    public void afterQueuedWork(Runnable task) {
        scheduler.execute(task);
    }

    /** Re-read the modems present (start, hot-plug uevent, lost uevents). */
    public void rediscover() {
        scheduler.execute(() -> {
            if (closed) {
                return;
            }
            try {
                present = env.discovery().discover();
            } catch (RuntimeException e) {
                LOG.warn("discovery failed: {}", e.toString());
                return;
            }
            reconcile();
        });
    }

    /**
     * A kernel log event: handed to every modem it names (which records it and may start its recovery); a USB
     * disconnect of a modem makes it absent until discovery finds it again; machine-wide events (lockups, hung
     * tasks) are recorded on every modem.
     */
    public void kernelEvent(KernelEvent event) {
        scheduler.execute(() -> {
            boolean routed = false;
            for (Entry entry : entries.values()) {
                if (KernelEventRouter.concerns(event, entry.modem)) {
                    if (KernelReaction.of(event) == KernelReaction.LOST) {
                        // Forgotten here too, so the next discovery that lists it again opens it afresh.
                        entry.modem = null;
                        entry.supervisor.lost("USB disconnect in the kernel log");
                    }
                    entry.supervisor.kernelEvent(event);
                    routed = true;
                }
            }
            if (!routed && KernelEventRouter.machineWide(event)) {
                entries.values().forEach(entry -> entry.supervisor.kernelEvent(event));
            } else if (!routed) {
                LOG.info("kernel event for no known modem: {}", event.message());
            }
        });
    }

    // ---------------------------------------------------------------- reconciling

    private record Wanted(String key, ModemConfig config, DiscoveredModem modem) {
    }

    private void reconcile() {
        List<Wanted> wanted = wanted();
        String locationHolder = wanted.stream()
                .filter(w -> w.config() != null && w.modem() != null && w.config().locationTracking())
                .map(Wanted::key).findFirst().orElse(null);

        Map<String, Wanted> byKey = new LinkedHashMap<>();
        wanted.forEach(w -> byKey.put(w.key(), w));
        for (String gone : new ArrayList<>(entries.keySet())) {
            if (!byKey.containsKey(gone)) {
                remove(gone);
            }
        }
        for (Wanted w : wanted) {
            Desired desired = new Desired(w.config(), config.radioSilence(), radioRequestedAt,
                    config.scanProviders(), w.key().equals(locationHolder));
            Entry entry = entries.get(w.key());
            if (entry == null) {
                entry = create(w.key(), desired);
            } else if (!desired.equals(entry.desired)) {
                entry.supervisor.update(desired);
            }
            entry.desired = desired;
            DiscoveredModem before = entry.modem;
            entry.modem = w.modem();
            if (w.modem() != null && (before == null || !before.controlDevice().equals(w.modem().controlDevice()))) {
                entry.supervisor.found(w.modem().controlDevice(), w.modem().protocol(), w.modem().interfaceName(),
                        RebindTarget.of(w.modem()), HardwareIds.of(w.modem()).orElse(null),
                        HardwareIds.manufacturer(w.modem()).orElse(null));
            } else if (w.modem() == null && before != null) {
                entry.supervisor.lost("modem unplugged: " + before.controlDevice() + " is gone");
            }
        }
        // Order of the status file: config order, then unmanaged modems in discovery order.
        List<String> order = wanted.stream().map(Wanted::key).toList();
        Map<String, Entry> reordered = new LinkedHashMap<>();
        order.forEach(k -> reordered.put(k, entries.get(k)));
        entries.clear();
        entries.putAll(reordered);
        schedulePublish();
    }

    /** Every supervisor that should exist, keyed, in status order. */
    private List<Wanted> wanted() {
        List<DiscoveredModem> candidates = new ArrayList<>(present);
        candidates.addAll(configuredPathsNotDiscovered(candidates));
        ConfigMatcher.Result result = ConfigMatcher.match(config.modems(), candidates, imeiByPort);
        Map<String, DiscoveredModem> assigned = new HashMap<>();
        result.assigned().forEach(a -> assigned.put(a.config().name(), a.modem()));
        List<Wanted> out = new ArrayList<>();
        for (ModemConfig c : config.modems()) {
            out.add(new Wanted(c.name(), c, assigned.get(c.name())));
        }
        for (DiscoveredModem m : result.unmanaged()) {
            out.add(new Wanted(UNMANAGED_PREFIX + m.port(), null, m));
        }
        return out;
    }

    /**
     * A config naming a device path that sysfs does not list (a pty from the emulator, a port under a custom dev
     * root) is used directly when the path exists, with the config's protocol.
     */
    private List<DiscoveredModem> configuredPathsNotDiscovered(List<DiscoveredModem> discovered) {
        List<DiscoveredModem> extra = new ArrayList<>();
        for (ModemConfig c : config.modems()) {
            String device = c.match().device();
            if (device == null || discovered.stream().anyMatch(m -> m.hasDevice(device))) {
                continue;
            }
            Path path = Path.of(device);
            if (Files.exists(path)) {
                extra.add(new DiscoveredModem(path.getFileName().toString(), path, c.protocol(), null, null, null,
                        null, c.interfaceName(), null));
            }
        }
        return extra;
    }

    private Entry create(String key, Desired desired) {
        Scheduler supervisorScheduler = env.schedulers().apply(key);
        ModemSupervisor supervisor = new ModemSupervisor(key, desired, env.settings(), supervisorScheduler,
                env.factory(), new ConnectPolicy(env.passwords()), Backoff.withDefaults(env.random()), env.ip(),
                env.prober(), new Forwarder(), env.rejectedPins());
        Entry entry = new Entry(supervisor, supervisorScheduler);
        entries.put(key, entry);
        return entry;
    }

    private void remove(String key) {
        Entry entry = entries.remove(key);
        CompletableFuture<Void> closed = entry.supervisor.closeAsync();
        if (entry.scheduler instanceof AutoCloseable closeable && entry.scheduler != scheduler) {
            closed.whenComplete((ignored, failure) -> closeQuietly(closeable));
        }
    }

    /** Supervisor callbacks, moved onto the agent's thread. */
    private final class Forwarder implements SupervisorListener {
        @Override
        public void statusChanged(ModemSupervisor supervisor, ModemStatus status) {
            scheduler.execute(() -> {
                Entry entry = entries.get(supervisor.key());
                if (entry == null || entry.supervisor != supervisor) {
                    return;
                }
                entry.status = status;
                learnImei(entry, status.info() == null ? null : status.info().identity());
                schedulePublish();
            });
        }

        @Override
        public void event(ModemSupervisor supervisor, StatusEvent event) {
            scheduler.execute(() -> tellListeners(l -> l.event(supervisor.key(), event)));
        }

        @Override
        public void scanProgress(ModemSupervisor supervisor, ScanProgress progress) {
            scheduler.execute(() -> tellListeners(l -> l.scanProgress(supervisor.key(), progress)));
        }
    }

    private void tellListeners(java.util.function.Consumer<AgentListener> call) {
        for (AgentListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("agent listener failed: {}", e.toString());
            }
        }
    }

    /** An IMEI read from an unmanaged modem may let a config entry that matches by IMEI take it. */
    private void learnImei(Entry entry, Identity identity) {
        if (entry.modem == null || identity == null || identity.imei() == null) {
            return;
        }
        String previous = imeiByPort.put(entry.modem.port(), identity.imei());
        boolean someoneWaits = config.modems().stream().anyMatch(c -> c.match().imei() != null);
        if (!identity.imei().equals(previous) && someoneWaits) {
            reconcile();
        }
    }

    // ---------------------------------------------------------------- status

    /** Coalesces a burst of changes into one snapshot (one status file write). */
    private void schedulePublish() {
        if (!publishPending) {
            publishPending = true;
            scheduler.execute(this::publish);
        }
    }

    private void publish() {
        publishPending = false;
        if ((!configSeen && configError == null) || entries.values().stream().anyMatch(e -> e.status == null)) {
            // A restarted agent must not replace the last status file with one that lists none (or only some) of
            // the configured modems: not before the config is read (discovery runs first), nor before each new
            // supervisor has said where it stands (its first status follows at once and publishes). Found by the
            // kill -9 suite, CrashRestartTest.
            return;
        }
        List<ModemStatus> modems = new ArrayList<>();
        boolean allConfirmed = true;
        for (Entry entry : entries.values()) {
            if (entry.status != null) {
                modems.add(entry.status);
            }
            if (entry.modem != null && !Objects.equals(entry.supervisor.radioConfirmedAt(), radioRequestedAt)) {
                allConfirmed = false;
            }
        }
        AgentStatus status = new AgentStatus(scheduler.now(), config.radioSilence(),
                allConfirmed && configSeen ? radioRequestedAt : null, configError, modems);
        lastStatus = status;
        tellListeners(l -> l.statusChanged(status));
    }

    /** Closes every supervisor (leaving bearers and radios as they are) and the agent's scheduler. */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            closed = true;
            for (String key : new ArrayList<>(entries.keySet())) {
                remove(key);
            }
            done.complete(null);
        });
        if (scheduler instanceof AutoCloseable closeable) {
            done.completeOnTimeout(null, 5, java.util.concurrent.TimeUnit.SECONDS).join();
            closeQuietly(closeable);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing: {}", e.toString());
        }
    }
}
