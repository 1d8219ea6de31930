package org.wwan4j.agent.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.policy.ConfigChange;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.policy.KernelReaction;
import org.wwan4j.agent.policy.RadioPolicy;
import org.wwan4j.agent.policy.SimChoice;
import org.wwan4j.agent.policy.SimSlotPolicy;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Sim;

/**
 * Drives one modem towards what the agent wants ({@link Desired}) through an explicit state machine (see
 * {@link SupervisorState} for the states and their bounds). Every input (modem events, config, discovery, timers,
 * completions of modem requests) is handled on the supervisor's own {@link Scheduler} thread, so the state needs
 * no locks and one slow modem never holds up another.
 *
 * <p>Each transition starts a new epoch; completions of requests started in an older epoch are dropped, which is
 * how a config change or an event cleanly abandons a chain of requests in flight.
 *
 * <p>Transitions (others are errors and cannot happen):
 * <pre>
 * absent      -- found --------------------------> opening
 * opening     -- opened ---------------------------> ready
 * ready       -- radio not wanted ------------------> radio-off
 * ready       -- SIM usable, prefs set -------------> registering
 * ready       -- SIM absent/locked/no profile ------> failed
 * registering -- home/roaming ----------------------> connecting
 * connecting  -- bearer up, IP applied -------------> connected
 * connected   -- bearer/registration lost ----------> registering
 * connected   -- access point changed, probe failed > ready
 * radio-off   -- radio wanted again ----------------> ready
 * failed      -- SIM or config changed, tick -------> ready
 * any         -- request failed or state timed out -> recovering (backoff, then ready or opening)
 * any         -- unanswered, stalled, kernel error -> the recovery ladder:
 *                  reopen: opening; reset, rebind: recovering (then opening); all failed: stuck
 * stuck       -- backoff elapsed --------------------> the ladder again from the reopen
 * any         -- modem removed ---------------------> absent
 * </pre>
 *
 * <p>The recovery ladder ({@link RecoveryLadder}) starts when requests go unanswered
 * ({@link SupervisorSettings#stuckAfterTimeouts()} in a row; a refresh that times out in a steady state counts),
 * when the data plane stalls ({@link StallDetector}: probe failing and receive counters still for
 * {@code recovery.stallSeconds}), or when the kernel reports a driver error or transmit timeout for the modem.
 * Each step is bounded ({@link RecoveryBounds}), reported as a {@code recovery} status event and a log line; a
 * failing step moves to the next; health stays recovering (stuck once the ladder was exhausted) until the
 * modem shows the trouble gone. Repeated identical failure lines are logged once ({@link RepeatedLog}).
 */
public final class ModemSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemSupervisor.class);

    /** Status-event kinds. */
    static final String KIND_STATE = "state";
    static final String KIND_CONNECT = "connect";
    static final String KIND_RADIO = "radio";
    static final String KIND_SIM = "sim";
    static final String KIND_PROBE = "probe";
    static final String KIND_KERNEL = "kernel";
    static final String KIND_CONFIG = "config";
    static final String KIND_RECOVERY = "recovery";

    private final String key;
    private final SupervisorSettings settings;
    private final Scheduler scheduler;
    private final ModemFactory factory;
    private final ConnectPolicy connectPolicy;
    private final Backoff backoff;
    private final IpConfigurator ip;
    private final ProbeRunner prober;
    private final SupervisorListener listener;
    private final ModemStatusBuilder status;
    private final ProviderScan scan;
    private final LocationTracking location;

    // Everything below is touched only on the scheduler's thread.
    private SupervisorState state = SupervisorState.ABSENT;
    private long epoch;
    private Desired desired;
    private Path device;
    private Protocol protocol = Protocol.AUTO;
    private String discoveredInterface;
    private Modem modem;
    private AutoCloseable subscription;
    private BearerSettings bearerSettings;
    private String appliedInterface;
    private int consecutiveTimeouts;
    private boolean reconnectedForProbe;
    private ModemStatus lastPublished;
    private Scheduler.Timer stateTimer;
    private Scheduler.Timer retryTimer;
    private Scheduler.Timer tickTimer;
    private Scheduler.Timer countersTimer;
    private Scheduler.Timer probeTimer;
    private Scheduler.Timer stepTimer;
    private Scheduler.Timer stallTimer;
    private boolean closed;
    private final RecoveryLadder ladder = new RecoveryLadder();
    private final StallDetector stall = new StallDetector();
    private final RepeatedLog repeated = new RepeatedLog();
    /** Where the driver can be rebound; null when discovery gave no sysfs device. */
    private RebindTarget rebindTarget;
    /** The ladder step the next RECOVERING runs; null: RECOVERING is a plain backoff retry. */
    private RecoveryStep pendingStep;
    /** Identifies the running step, so a late step timer does nothing; the step is done once the modem answers. */
    private long stepId;
    private boolean stepDone = true;
    /** When a recovery step last started or a recovery ended: kernel errors around it are the step's own. */
    private Instant lastRecoveryActivity;

    // Read from other threads (the agent): written on the scheduler thread together with the fields above.
    private volatile SupervisorState stateSnapshot = SupervisorState.ABSENT;
    private volatile Instant radioConfirmedSnapshot;

    /**
     * @param key     stable identity in the agent: the config name, or the control port of an unmanaged modem
     * @param desired what is wanted at start
     */
    public ModemSupervisor(String key, Desired desired, SupervisorSettings settings, Scheduler scheduler,
            ModemFactory factory, ConnectPolicy connectPolicy, Backoff backoff, IpConfigurator ip,
            ProbeRunner prober, SupervisorListener listener) {
        this.key = Objects.requireNonNull(key, "key");
        this.desired = Objects.requireNonNull(desired, "desired");
        this.settings = settings;
        this.scheduler = scheduler;
        this.factory = factory;
        this.connectPolicy = connectPolicy;
        this.backoff = backoff;
        this.ip = ip;
        this.prober = prober;
        this.listener = listener;
        this.status = new ModemStatusBuilder(desired.managed() ? desired.config().name() : null,
                event -> listener.event(this, event));
        this.scan = new ProviderScan(scheduler, status, settings.scanPeriod(), () -> modem,
                () -> this.desired.scanProviders() && !this.desired.radioSilence(),
                () -> state == SupervisorState.CONNECTED, progress -> listener.scanProgress(this, progress),
                this::publish);
        this.location = new LocationTracking(scheduler, status, settings.locationInterval(), this::publish);
        scheduler.execute(() -> {
            scheduleTick();
            updateHealth();
            publish();
        });
    }

    // ---------------------------------------------------------------- inputs (any thread)

    public String key() {
        return key;
    }

    /** Discovery found the modem: open it. */
    public void found(Path controlDevice, Protocol driverProtocol, String interfaceName) {
        found(controlDevice, driverProtocol, interfaceName, null);
    }

    /**
     * Discovery found the modem: open it.
     *
     * @param rebind where its driver can be rebound, or null when discovery knows no sysfs device for it
     */
    public void found(Path controlDevice, Protocol driverProtocol, String interfaceName, RebindTarget rebind) {
        scheduler.execute(() -> {
            if (closed) {
                return;
            }
            rebindTarget = rebind;
            boolean sameDevice = controlDevice.equals(device) && state != SupervisorState.ABSENT;
            device = controlDevice;
            protocol = driverProtocol;
            discoveredInterface = interfaceName;
            status.device = controlDevice.toString();
            if (!sameDevice) {
                enter(SupervisorState.OPENING, "modem found at " + controlDevice);
            }
        });
    }

    /** Discovery lost the modem (unplugged, driver unbound). */
    public void lost(String why) {
        scheduler.execute(() -> {
            if (!closed && state != SupervisorState.ABSENT) {
                enter(SupervisorState.ABSENT, why);
            }
        });
    }

    /** A new config, radio-silence request or location grant. */
    public void update(Desired next) {
        Objects.requireNonNull(next, "next");
        scheduler.execute(() -> {
            if (!closed) {
                applyDesired(next);
            }
        });
    }

    /**
     * A kernel log event tied to this modem (or to the whole machine): recorded in status; a driver error or
     * transmit timeout starts the recovery ladder unless one is running or ended moments ago (see
     * {@link RecoveryBounds#kernelHoldoff()}), so one burst starts at most one recovery.
     */
    public void kernelEvent(KernelEvent event) {
        scheduler.execute(() -> {
            if (closed) {
                return;
            }
            status.event(scheduler.now(), KIND_KERNEL, event.kind() + ": " + event.message()
                    + (event.repeats() > 0 ? " (and " + event.repeats() + " more like it)" : ""));
            if (KernelReaction.of(event) == KernelReaction.RECOVER) {
                kernelTrouble(event);
            }
            publish();
        });
    }

    private void kernelTrouble(KernelEvent event) {
        String why = "kernel reported " + event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ": " + event.message();
        Instant now = scheduler.now();
        if (!state.hasModem()) {
            LOG.debug("{}: {} (not acted on: the modem is not open)", key, why);
        } else if (ladder.active()) {
            LOG.debug("{}: {} (a recovery is already running)", key, why);
        } else if (lastRecoveryActivity != null
                && now.isBefore(lastRecoveryActivity.plus(settings.recovery().kernelHoldoff()))) {
            LOG.debug("{}: {} (within the hold-off after the last recovery)", key, why);
        } else {
            escalate(event.kind() == KernelEvent.Kind.NETDEV_WATCHDOG ? RecoveryLadder.Trouble.DATA_PLANE
                    : RecoveryLadder.Trouble.CONTROL_PLANE, why);
        }
    }

    /** Current state; safe from any thread (a snapshot that may be stale at once). */
    public SupervisorState state() {
        return stateSnapshot;
    }

    /** The radio request time this modem has confirmed (radio off for silence, on otherwise), or null. */
    public Instant radioConfirmedAt() {
        return radioConfirmedSnapshot;
    }

    // ---------------------------------------------------------------- state machine

    private void enter(SupervisorState next, String why) {
        SupervisorState previous = state;
        epoch++;
        cancel(stateTimer);
        cancel(retryTimer);
        state = next;
        stateSnapshot = next;
        LOG.info("{}: {} -> {} ({})", key, previous.jsonName(), next.jsonName(), why);
        if (previous != next) {
            status.event(scheduler.now(), KIND_STATE, previous.jsonName() + " -> " + next.jsonName() + ": " + why);
            listener.stateChanged(this, previous, next, why);
        }
        Duration bound = next.timeout();
        if (bound != null) {
            long stateEpoch = epoch;
            stateTimer = scheduler.schedule(bound, () -> {
                if (stateEpoch == epoch) {
                    failed(new ModemException(ModemException.Kind.TIMEOUT,
                            "no progress in state " + next.jsonName() + " within " + bound.toSeconds() + " s"));
                }
            });
        }
        if (next == SupervisorState.READY && !stepDone) {
            recoveryStepDone();
        }
        updateHealth();
        switch (next) {
            case ABSENT -> onAbsent();
            case OPENING -> onOpening();
            case READY -> onReady();
            case REGISTERING -> onRegistering();
            case CONNECTING -> onConnecting();
            case CONNECTED -> onConnected();
            case RADIO_OFF -> onRadioOff();
            case RECOVERING -> onRecovering();
            case STUCK -> onStuck();
            case FAILED -> {
                stopDataTimers();
                recovered(RecoveryLadder.Evidence.ANSWERS);
            }
        }
        publish();
    }

    private void onAbsent() {
        // Gone is not stuck: the running step's bound stops; the episode goes on when the modem is back.
        cancel(stepTimer);
        stepDone = true;
        stopDataTimers();
        removeIp();
        closeModem();
        status.forgetModemState();
        radioConfirmed(null);
    }

    private void onOpening() {
        // Reopening (port lost, or re-enumerated under another name): nothing of the old session is trusted.
        stopDataTimers();
        removeIp();
        if (status.bearer != null && status.bearer.connected()) {
            status.disconnected();
        }
        closeModem();
        open(opened -> await(opened.identity(), identity -> {
            status.identity = identity;
            readBasics(() -> enter(SupervisorState.READY, "opened"));
        }), this::failed);
    }

    /**
     * Opens the port and takes the modem on; an open that completes after the supervisor moved on (a step's bound
     * ran out first) is closed, never leaked.
     */
    private void open(Consumer<Modem> next, Consumer<Throwable> onFailure) {
        long openEpoch = epoch;
        factory.open(device, protocol).whenCompleteAsync((opened, failure) -> {
            if (openEpoch != epoch || closed) {
                if (opened != null) {
                    opened.close();
                }
                return;
            }
            if (failure != null) {
                onFailure.accept(failure);
                publish();
                return;
            }
            modem = opened;
            subscription = opened.addListener(event -> scheduler.execute(() -> onModemEvent(opened, event)));
            status.protocol = opened.protocol();
            try {
                next.accept(opened);
            } catch (RuntimeException e) {
                failed(e);
            }
            publish();
        }, scheduler);
    }

    /** Power, SIMs, registration and signal: what status shows before anything is changed. */
    private void readBasics(Runnable then) {
        await(modem.power(), power -> {
            status.power = power;
            await(modem.sims(), sims -> {
                status.sims = sims;
                await(modem.registration(), registration -> {
                    status.registration = registration;
                    quietly(modem.signal(), signal -> status.signal = signal);
                    then.run();
                });
            });
        });
    }

    private void onReady() {
        if (!RadioPolicy.radioWanted(desired.managed(), desired.radioSilence())) {
            enter(SupervisorState.RADIO_OFF, desired.managed() ? "radio silence" : "unmanaged modem");
            return;
        }
        radioConfirmed(desired.radioRequestedAt());
        status.configError = null;
        Runnable chooseSim = () -> await(modem.sims(), sims -> {
            status.sims = sims;
            chooseSim(sims, true);
        });
        if (status.power != Power.ONLINE) {
            await(modem.setPower(Power.ONLINE), ignored -> {
                status.power = Power.ONLINE;
                status.event(scheduler.now(), KIND_RADIO, "radio on");
                chooseSim.run();
            });
        } else {
            chooseSim.run();
        }
    }

    private void chooseSim(List<Sim> sims, boolean maySwitch) {
        SimChoice choice = SimSlotPolicy.choose(desired.config().simSlot(), sims);
        switch (choice) {
            case SimChoice.Blocked blocked -> {
                status.configError = blocked.reason();
                enter(SupervisorState.FAILED, blocked.reason());
            }
            case SimChoice.Switch target when maySwitch -> {
                status.event(scheduler.now(), KIND_SIM, "switching to SIM slot " + target.slot());
                await(modem.switchSimSlot(target.slot()), ignored -> await(modem.sims(), after -> {
                    status.sims = after;
                    chooseSim(after, false);
                }));
            }
            case SimChoice.Switch target -> {
                String reason = "SIM slot " + target.slot() + " did not become active";
                status.configError = reason;
                enter(SupervisorState.FAILED, reason);
            }
            case SimChoice.Use use -> applyPreferences();
        }
    }

    private void applyPreferences() {
        ModemConfig config = desired.config();
        CompletableFuture<Void> preferences = connectPolicy.hasPreferences(config)
                ? optional(modem.setPreferences(config.preferredRats(), config.preferredPlmns()), "preferences")
                : CompletableFuture.completedFuture(null);
        await(preferences, ignored -> {
            BearerProfile attach;
            try {
                attach = connectPolicy.attachBearer(config);
            } catch (IOException e) {
                blockedByConfig("attach password: " + e.getMessage());
                return;
            }
            CompletableFuture<Void> attachSet = attach == null ? CompletableFuture.completedFuture(null)
                    : optional(modem.setAttachProfile(attach), "attach bearer");
            await(attachSet, done -> enter(SupervisorState.REGISTERING, "SIM and preferences set"));
        });
    }

    /** An optional feature the modem lacks is noted and skipped; anything else fails the step. */
    private CompletableFuture<Void> optional(CompletableFuture<Void> request, String what) {
        return request.exceptionally(failure -> {
            ModemException e = ModemException.of(failure);
            if (e.kind() != ModemException.Kind.UNSUPPORTED) {
                throw e;
            }
            scheduler.execute(() -> status.event(scheduler.now(), KIND_CONNECT, what + " not supported: "
                    + e.getMessage()));
            return null;
        });
    }

    private void onRegistering() {
        await(modem.registration(), registration -> {
            status.registration = registration;
            if (isRegistered(registration)) {
                enter(SupervisorState.CONNECTING, "registered (" + registration.state().jsonName() + ")");
            }
            // Otherwise a RegistrationChanged event moves us on, or the state's bound runs out.
        });
    }

    private void onConnecting() {
        BearerProfile profile;
        try {
            profile = connectPolicy.defaultBearer(desired.config());
        } catch (IOException e) {
            blockedByConfig("password: " + e.getMessage());
            return;
        }
        Consumer<BearerSettings> bearerUp = settings -> {
            bearerSettings = settings;
            String iface = interfaceName();
            if (iface == null) {
                status.event(scheduler.now(), KIND_CONNECT, "no network interface known; IP settings not applied");
            } else {
                try {
                    ip.apply(iface, settings, desired.config().mtu(), desired.config().routeMetric());
                    appliedInterface = iface;
                } catch (IOException e) {
                    failed(new ModemException(ModemException.Kind.IO, "applying IP settings on " + iface + ": "
                            + e.getMessage(), e));
                    return;
                }
            }
            status.connected(profile.apn(), scheduler.now(), settings.ipv4(), settings.ipv6());
            enter(SupervisorState.CONNECTED, "bearer up");
        };
        // A bearer already up (left by a previous run of the agent) is kept rather than dropped and brought up again.
        // A modem that cannot tell is connected as before: the connect replaces whatever is up.
        CompletableFuture<Optional<BearerSettings>> current = modem.bearerSettings()
                .exceptionally(failure -> Optional.empty());
        await(current, found -> {
            Optional<BearerSettings> adopted = BearerAdoption.adoptable(found, profile);
            if (adopted.isPresent()) {
                status.event(scheduler.now(), KIND_CONNECT, BearerAdoption.ADOPTED);
                bearerUp.accept(adopted.get());
            } else {
                await(modem.connect(profile, connectPolicy.allowRoaming(desired.config())), bearerUp);
            }
        });
    }

    private void onConnected() {
        backoff.reset();
        consecutiveTimeouts = 0;
        status.configError = null;
        status.lastError = null;
        stall.reset();
        recovered(RecoveryLadder.Evidence.ANSWERS);
        updateHealth();
        readCounters();
        cancel(countersTimer);
        countersTimer = every(settings.countersPeriod(), this::readCounters);
        // While a data-plane recovery runs, prove the data path at once rather than at the next interval.
        scheduleProbe(reconnectedForProbe || ladder.active() ? Duration.ZERO : probeInterval());
        updateLocation();
        scan.plan(Duration.ZERO);
    }

    private void onRadioOff() {
        stopDataTimers();
        location.stop();
        // Always asked: after an agent restart a bearer may be up that this instance never saw come up. Low
        // power tears a bearer down anyway, so a failing disconnect must not keep the radio on.
        CompletableFuture<Void> disconnect = modem.disconnect().exceptionally(failure -> null);
        await(disconnect, ignored -> {
            removeIp();
            bearerSettings = null;
            status.disconnected();
            await(modem.setPower(Power.LOW_POWER), done -> {
                status.power = Power.LOW_POWER;
                status.event(scheduler.now(), KIND_RADIO, "radio off ("
                        + (desired.managed() ? "radio silence" : "unmanaged") + ")");
                radioConfirmed(desired.radioRequestedAt());
                cancel(stateTimer);
                recovered(RecoveryLadder.Evidence.ANSWERS);
                publish();
            });
        });
    }

    private void onRecovering() {
        stopDataTimers();
        RecoveryStep step = pendingStep;
        pendingStep = null;
        if (step == RecoveryStep.RESET) {
            runReset();
            return;
        }
        if (step == RecoveryStep.REBIND) {
            runRebind();
            return;
        }
        Duration delay = backoff.nextDelay();
        status.recoveries++;
        updateHealth();
        status.event(scheduler.now(), KIND_STATE, "retrying in " + delay.toSeconds() + " s");
        long stateEpoch = epoch;
        retryTimer = scheduler.schedule(delay, () -> {
            if (stateEpoch == epoch) {
                enter(modem == null ? SupervisorState.OPENING : SupervisorState.READY, "backoff elapsed");
            }
        });
    }

    // ---------------------------------------------------------------- recovery ladder

    /** Starts the ladder, or moves it to its next step, and runs that step. */
    private void escalate(RecoveryLadder.Trouble trouble, String why) {
        RecoveryStep step = ladder.escalate(trouble, rebindAvailable());
        Instant now = scheduler.now();
        lastRecoveryActivity = now;
        cancel(stepTimer);
        long id = ++stepId;
        RecoveryBounds bounds = settings.recovery();
        Duration bound = switch (step) {
            case REOPEN -> bounds.reopen();
            case RESET -> bounds.reset();
            case REBIND -> bounds.rebind();
            case STUCK -> null;
        };
        String line = "recovery step " + step.jsonName() + ": " + why;
        status.event(now, KIND_RECOVERY, line + (bound == null ? "" : " (bound " + bound.toSeconds() + " s)"));
        logRepeated(line);
        if (bound != null) {
            status.recoveries++;
            stepDone = false;
            stepTimer = scheduler.schedule(bound, () -> {
                if (id == stepId && !stepDone && !closed) {
                    failed(new ModemException(ModemException.Kind.TIMEOUT, "recovery step " + step.jsonName()
                            + " did not bring the modem back within " + bound.toSeconds() + " s"));
                }
            });
        } else {
            stepDone = true;
        }
        switch (step) {
            case REOPEN -> enter(SupervisorState.OPENING, "recovery: reopening the port");
            case RESET, REBIND -> {
                pendingStep = step;
                enter(SupervisorState.RECOVERING, "recovery: " + step.jsonName());
            }
            case STUCK -> enter(SupervisorState.STUCK, why);
        }
    }

    private boolean rebindAvailable() {
        return rebindTarget != null && desired.managed() && desired.config().recovery().rebindDriver();
    }

    /** The running step got the modem to answer again (opened, basics read); the episode may go on. */
    private void recoveryStepDone() {
        cancel(stepTimer);
        stepDone = true;
        status.event(scheduler.now(), KIND_RECOVERY, "recovery step " + ladder.step().jsonName()
                + " done: the modem answers");
    }

    /** Ends the recovery episode when the evidence shows its trouble gone. */
    private void recovered(RecoveryLadder.Evidence evidence) {
        RecoveryStep step = ladder.step();
        int round = ladder.round();
        if (!ladder.recovered(evidence)) {
            return;
        }
        cancel(stepTimer);
        stepDone = true;
        lastRecoveryActivity = scheduler.now();
        backoff.reset();
        String line = "recovered (last step " + step.jsonName() + ", round " + round + ")";
        status.event(scheduler.now(), KIND_RECOVERY, line);
        LOG.info("{}: {}", key, line);
        String summary = repeated.clear();
        if (summary != null) {
            LOG.info("{}: {}", key, summary);
        }
        updateHealth();
    }

    /**
     * A reset needs the port open: the step keeps trying to open it until its own bound runs out, each try
     * bounded like a reopen (a try that never answers is abandoned, and closed should it answer later).
     */
    private void runReset() {
        if (modem != null) {
            sendReset();
            return;
        }
        long attemptEpoch = epoch;
        RecoveryBounds bounds = settings.recovery();
        retryTimer = scheduler.schedule(bounds.reopen(), () -> {
            if (attemptEpoch == epoch && !closed) {
                epoch++;
                runReset();
            }
        });
        open(opened -> {
            cancel(retryTimer);
            sendReset();
        }, failure -> {
            cancel(retryTimer);
            LOG.debug("{}: reset step: open failed: {}", key, ModemException.of(failure).getMessage());
            retryTimer = scheduler.schedule(bounds.openRetry(), () -> {
                if (attemptEpoch == epoch && !closed) {
                    runReset();
                }
            });
        });
    }

    private void sendReset() {
        await(modem.reset(), ignored -> {
            status.event(scheduler.now(), KIND_RECOVERY, "reset accepted; reopening in "
                    + settings.recovery().settle().toMillis() + " ms");
            reopenAfterSettle("recovery: reopening after the reset");
        });
    }

    private void runRebind() {
        RebindTarget target = rebindTarget;
        closeModem();
        await(DriverRebind.start(target), ignored -> {
            status.event(scheduler.now(), KIND_RECOVERY, "driver of " + target.deviceName() + " unbound and bound");
            reopenAfterSettle("recovery: reopening after the driver rebind");
        });
    }

    /** After a reset or rebind the port goes away and comes back: wait, then open afresh. */
    private void reopenAfterSettle(String why) {
        closeModem();
        long settleEpoch = epoch;
        retryTimer = scheduler.schedule(settings.recovery().settle(), () -> {
            if (settleEpoch == epoch && !closed) {
                enter(SupervisorState.OPENING, why);
            }
        });
    }

    /** Every step failed: wait the backoff, then run the ladder again from the reopen. */
    private void onStuck() {
        stopDataTimers();
        Duration delay = backoff.nextDelay();
        status.event(scheduler.now(), KIND_RECOVERY, "every recovery step failed; starting again in "
                + delay.toSeconds() + " s");
        long stateEpoch = epoch;
        RecoveryLadder.Trouble trouble = ladder.trouble();
        retryTimer = scheduler.schedule(delay, () -> {
            if (stateEpoch == epoch && !closed) {
                escalate(trouble, "backoff elapsed after every step failed");
            }
        });
    }

    /** Failures a running recovery step cannot be blamed on the network for: they move the ladder on. */
    private static boolean stepFailure(ModemException.Kind kind) {
        return kind == ModemException.Kind.TIMEOUT || kind == ModemException.Kind.IO
                || kind == ModemException.Kind.CLOSED;
    }

    private void logRepeated(String message) {
        String line = repeated.admit(message);
        if (line != null) {
            LOG.warn("{}: {}", key, line);
        } else {
            LOG.debug("{}: {}", key, message);
        }
    }

    private void failed(Throwable failure) {
        ModemException e = ModemException.of(failure);
        String message = e.getMessage();
        status.lastError = message;
        logRepeated(state.jsonName() + " failed: " + message);
        if (e.kind() == ModemException.Kind.SIM) {
            status.configError = message;
            enter(SupervisorState.FAILED, message);
            return;
        }
        if (e.kind() == ModemException.Kind.CLOSED) {
            closeModem();
        }
        if (state == SupervisorState.CONNECTING) {
            status.configError = message;
        }
        consecutiveTimeouts = e.kind() == ModemException.Kind.TIMEOUT ? consecutiveTimeouts + 1 : 0;
        boolean ladderFailure = ladder.active() ? stepFailure(e.kind())
                : consecutiveTimeouts >= settings.stuckAfterTimeouts();
        if (ladderFailure) {
            escalate(RecoveryLadder.Trouble.CONTROL_PLANE, message);
            return;
        }
        pendingStep = null;
        enter(SupervisorState.RECOVERING, message);
    }

    /** A problem only the user can fix: stay failed until the config changes. */
    private void blockedByConfig(String reason) {
        status.configError = reason;
        enter(SupervisorState.FAILED, reason);
    }

    // ---------------------------------------------------------------- events

    private void onModemEvent(Modem source, ModemEvent event) {
        if (closed || source != modem) {
            return; // an event from a modem instance we already dropped
        }
        switch (event) {
            case ModemEvent.RegistrationChanged e -> {
                status.registration = e.registration();
                if (state == SupervisorState.REGISTERING && isRegistered(e.registration())) {
                    enter(SupervisorState.CONNECTING, "registered (" + e.registration().state().jsonName() + ")");
                }
            }
            case ModemEvent.SignalChanged e -> status.signal = e.signal();
            case ModemEvent.BearerChanged e -> {
                if (!e.connected() && state == SupervisorState.CONNECTED) {
                    bearerLost("bearer went down" + (e.reason() == null ? "" : ": " + e.reason()));
                }
            }
            case ModemEvent.SimsChanged e -> {
                status.sims = e.sims();
                status.event(scheduler.now(), KIND_SIM, "SIM slots changed");
                if (state == SupervisorState.FAILED
                        || (desired.managed() && state != SupervisorState.RADIO_OFF
                        && SimSlotPolicy.choose(desired.config().simSlot(), e.sims()) instanceof SimChoice.Blocked
                        && state.hasModem())) {
                    enter(SupervisorState.READY, "SIM changed");
                }
            }
            case ModemEvent.PowerChanged e -> {
                status.power = e.power();
                boolean radioNeeded = state == SupervisorState.CONNECTED || state == SupervisorState.REGISTERING;
                if (radioNeeded && e.power() != Power.ONLINE) {
                    enter(SupervisorState.READY, "modem left online mode (" + e.power().jsonName() + ")");
                }
            }
            case ModemEvent.LocationChanged e -> status.location = e.location();
            case ModemEvent.Removed e -> {
                closeModem();
                failed(new ModemException(ModemException.Kind.CLOSED, "modem removed: " + e.reason()));
            }
        }
        publish();
    }

    private void bearerLost(String why) {
        removeIp();
        bearerSettings = null;
        status.disconnected();
        status.event(scheduler.now(), KIND_CONNECT, why);
        enter(SupervisorState.REGISTERING, why);
    }

    // ---------------------------------------------------------------- config

    private void applyDesired(Desired next) {
        Desired previous = desired;
        desired = next;
        if (next.managed()) {
            status.name = next.config().name();
        }
        if (modem == null) {
            // Not open (absent, opening, or waiting to reopen): the next open starts from the new wishes.
            updateLocation();
            publish();
            return;
        }
        boolean wanted = RadioPolicy.radioWanted(next.managed(), next.radioSilence());
        boolean wasWanted = RadioPolicy.radioWanted(previous.managed(), previous.radioSilence());
        if (!wanted) {
            if (state != SupervisorState.RADIO_OFF || !Objects.equals(previous.radioRequestedAt(),
                    next.radioRequestedAt())) {
                enter(SupervisorState.RADIO_OFF, next.managed() ? "radio silence requested" : "unmanaged modem");
            }
            return;
        }
        if (!wasWanted || state == SupervisorState.RADIO_OFF) {
            radioConfirmedWhenOn();
            enter(SupervisorState.READY, "radio allowed");
            return;
        }
        if (!Objects.equals(previous.radioRequestedAt(), next.radioRequestedAt())) {
            radioConfirmedWhenOn();
        }
        switch (ConfigChange.between(previous.config(), next.config())) {
            case RECONNECT -> reconnect("config changed");
            case REAPPLY_IP -> reapplyIp();
            case NONE -> { }
        }
        if (!Objects.equals(previous.config().probe(), next.config().probe()) && state == SupervisorState.CONNECTED) {
            scheduleProbe(probeInterval());
        }
        if (previous.scanProviders() != next.scanProviders()) {
            if (next.scanProviders()) {
                scan.plan(Duration.ZERO);
            } else {
                scan.disabled();
            }
        }
        updateLocation();
        publish();
    }

    /** Radio silence off: confirmed as soon as the modem is being brought back (the echo says "request seen"). */
    private void radioConfirmedWhenOn() {
        radioConfirmed(desired.radioRequestedAt());
    }

    private void reconnect(String why) {
        backoff.reset();
        consecutiveTimeouts = 0;
        status.event(scheduler.now(), KIND_CONFIG, why + ": reconnecting");
        if (bearerSettings != null || state == SupervisorState.CONNECTING) {
            Modem current = modem;
            removeIp();
            bearerSettings = null;
            status.disconnected();
            long disconnectEpoch = ++epoch;
            current.disconnect().whenCompleteAsync((ignored, failure) -> {
                if (disconnectEpoch == epoch) {
                    enter(SupervisorState.READY, why);
                }
            }, scheduler);
        } else {
            enter(SupervisorState.READY, why);
        }
    }

    private void reapplyIp() {
        if (state != SupervisorState.CONNECTED || bearerSettings == null || appliedInterface == null) {
            return;
        }
        try {
            ip.apply(appliedInterface, bearerSettings, desired.config().mtu(), desired.config().routeMetric());
            status.event(scheduler.now(), KIND_CONFIG, "MTU or route metric changed: IP settings re-applied");
        } catch (IOException e) {
            failed(new ModemException(ModemException.Kind.IO, "re-applying IP settings: " + e.getMessage(), e));
        }
    }

    // ---------------------------------------------------------------- timers

    private void scheduleTick() {
        tickTimer = scheduler.schedule(settings.safetyTick(), () -> {
            if (!closed) {
                safetyTick();
                scheduleTick();
            }
        });
    }

    /** In case an indication was lost: re-read what a state depends on and act as if an event had come. */
    private void safetyTick() {
        switch (state) {
            case CONNECTED -> {
                long tickEpoch = epoch;
                quietly(modem.bearerSettings(), current -> {
                    if (tickEpoch == epoch && current.isEmpty()) {
                        bearerLost("bearer found down by safety tick");
                    }
                });
                quietly(modem.registration(), r -> status.registration = r);
                quietly(modem.signal(), s -> status.signal = s);
            }
            case REGISTERING -> onRegistering();
            case FAILED -> quietly(modem.sims(), sims -> {
                status.sims = sims;
                // Only retry when the SIM now allows it, so a modem without a card does not cycle every tick.
                boolean simUsable = desired.managed()
                        && !(SimSlotPolicy.choose(desired.config().simSlot(), sims) instanceof SimChoice.Blocked);
                if (state == SupervisorState.FAILED && simUsable) {
                    enter(SupervisorState.READY, "safety tick: retrying");
                }
            });
            case RADIO_OFF -> quietly(modem.power(), power -> {
                status.power = power;
                if (state == SupervisorState.RADIO_OFF && power == Power.ONLINE) {
                    enter(SupervisorState.RADIO_OFF, "radio found on by safety tick");
                }
            });
            default -> { }
        }
        publish();
    }

    private void readCounters() {
        if (modem != null && state == SupervisorState.CONNECTED) {
            quietly(modem.counters(), counters -> {
                status.counters = counters;
                countersRead(counters);
            });
        }
    }

    private void countersRead(org.wwan4j.agent.status.Counters counters) {
        if (state != SupervisorState.CONNECTED) {
            return;
        }
        boolean flowing = stall.counters(scheduler.now(), counters);
        boolean unobservable = !stall.countersKnown()
                && desired.managed() && desired.config().probe().method() == ProbeMethod.NONE;
        if (flowing || unobservable) {
            // Without counters or a probe nothing can show data flowing: reaching connected has to do.
            recovered(RecoveryLadder.Evidence.DATA_FLOWS);
        }
        checkStall();
    }

    /**
     * Enters recovery when the data plane stalled (and says so), else plans the counters read that could show it.
     */
    private boolean checkStall() {
        cancel(stallTimer);
        stallTimer = null;
        if (state != SupervisorState.CONNECTED || !desired.managed()) {
            return false;
        }
        Duration window = Duration.ofSeconds(desired.config().recovery().stallSeconds());
        Instant now = scheduler.now();
        if (stall.stalled(now, window)) {
            escalate(RecoveryLadder.Trouble.DATA_PLANE, "data plane stalled: probe failing and receive counters "
                    + "unchanged for " + window.toSeconds() + " s");
            return true;
        }
        Duration until = stall.untilStalled(now, window);
        if (until != null) {
            long stallEpoch = epoch;
            stallTimer = scheduler.schedule(until, () -> {
                if (stallEpoch == epoch && !closed) {
                    readCounters();
                }
            });
        }
        return false;
    }

    private Duration probeInterval() {
        return Duration.ofSeconds(desired.config().probe().intervalSeconds());
    }

    private void scheduleProbe(Duration delay) {
        cancel(probeTimer);
        if (!desired.managed() || desired.radioSilence()) {
            return;
        }
        long probeEpoch = epoch;
        probeTimer = scheduler.schedule(delay, () -> {
            if (probeEpoch == epoch && state == SupervisorState.CONNECTED) {
                runProbe();
            }
        });
    }

    private void runProbe() {
        String iface = appliedInterface;
        long probeEpoch = epoch;
        prober.probe(iface, bearerSettings, desired.config().probe()).whenCompleteAsync((result, failure) -> {
            if (probeEpoch != epoch || closed) {
                return;
            }
            Optional<String> error = failure != null ? Optional.of(String.valueOf(failure)) : result;
            stall.probe(error.isEmpty());
            if (error.isEmpty()) {
                status.probeError = null;
                reconnectedForProbe = false;
                recovered(RecoveryLadder.Evidence.DATA_FLOWS);
                scheduleProbe(probeInterval());
            } else if (checkStall()) {
                // Counters stood still long enough already: a stall, for the ladder rather than one reconnect.
                status.probeError = error.get();
            } else if (ladder.active()) {
                // The ladder is at work: no extra reconnect; the stall detector decides whether to escalate.
                status.probeError = error.get();
                scheduleProbe(probeInterval());
            } else if (!reconnectedForProbe) {
                status.probeError = error.get();
                status.event(scheduler.now(), KIND_PROBE, "probe failed: " + error.get() + "; reconnecting once");
                reconnectedForProbe = true;
                reconnect("connectivity probe failed");
            } else {
                // Reconnecting did not help: keep the error, try again at the next interval.
                status.probeError = error.get();
                reconnectedForProbe = false;
                scheduleProbe(probeInterval());
                checkStall();
            }
            publish();
        }, scheduler);
    }

    private void updateLocation() {
        boolean wanted = desired.managed() && desired.config().locationTracking() && desired.locationGranted()
                && !desired.radioSilence() && modem != null;
        location.update(modem, wanted);
    }

    private void stopDataTimers() {
        cancel(countersTimer);
        cancel(probeTimer);
        cancel(stallTimer);
        scan.cancel();
        countersTimer = null;
        probeTimer = null;
        stallTimer = null;
    }

    private Scheduler.Timer every(Duration period, Runnable task) {
        Scheduler.Timer[] holder = new Scheduler.Timer[1];
        Runnable[] repeat = new Runnable[1];
        repeat[0] = () -> {
            task.run();
            publish();
            holder[0] = scheduler.schedule(period, repeat[0]);
        };
        holder[0] = scheduler.schedule(period, repeat[0]);
        return () -> holder[0].cancel();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Continues a state's chain when a request completes, on the supervisor thread, unless the state moved on in
     * the meantime. A failure fails the state.
     */
    private <T> void await(CompletableFuture<T> request, Consumer<T> next) {
        long requestEpoch = epoch;
        request.whenCompleteAsync((value, failure) -> {
            if (requestEpoch != epoch || closed) {
                return;
            }
            if (failure != null) {
                failed(failure);
                publish();
                return;
            }
            try {
                next.accept(value);
            } catch (RuntimeException e) {
                failed(e);
            }
            publish();
        }, scheduler);
    }

    /**
     * For refreshes that must not move the state: a failure is only logged. Except an unanswered one in a state
     * that waits (connected, registering, radio off, failed): there no other request would notice a modem that
     * stopped answering, so it counts like any timeout.
     */
    private <T> void quietly(CompletableFuture<T> request, Consumer<T> next) {
        Modem requested = modem;
        long requestEpoch = epoch;
        request.whenCompleteAsync((value, failure) -> {
            if (closed || requested != modem) {
                return;
            }
            if (failure != null) {
                ModemException e = ModemException.of(failure);
                LOG.debug("{}: refresh failed: {}", key, e.getMessage());
                if (e.kind() == ModemException.Kind.TIMEOUT && requestEpoch == epoch && state.waitsForEvents()) {
                    failed(new ModemException(ModemException.Kind.TIMEOUT, "no answer while "
                            + state.jsonName() + ": " + e.getMessage(), e));
                    publish();
                }
                return;
            }
            next.accept(value);
            publish();
        }, scheduler);
    }

    private static boolean isRegistered(Registration registration) {
        return registration != null && (registration.state() == RegistrationState.HOME
                || registration.state() == RegistrationState.ROAMING);
    }

    private String interfaceName() {
        if (desired.managed() && desired.config().interfaceName() != null) {
            return desired.config().interfaceName();
        }
        return discoveredInterface;
    }

    private void removeIp() {
        if (appliedInterface == null) {
            return;
        }
        try {
            ip.remove(appliedInterface);
        } catch (IOException e) {
            LOG.warn("{}: removing IP settings from {}: {}", key, appliedInterface, e.getMessage());
        }
        appliedInterface = null;
    }

    private void closeModem() {
        location.forget();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("{}: closing subscription: {}", key, e.toString());
            }
            subscription = null;
        }
        if (modem != null) {
            modem.close();
            modem = null;
        }
        bearerSettings = null;
    }

    private void radioConfirmed(Instant at) {
        radioConfirmedSnapshot = at;
    }

    private void updateHealth() {
        HealthState ladderHealth = ladder.exhausted() ? HealthState.STUCK : HealthState.RECOVERING;
        status.healthState = switch (state) {
            case ABSENT -> HealthState.ABSENT;
            case RECOVERING -> ladder.active() ? ladderHealth : HealthState.RECOVERING;
            case STUCK -> HealthState.STUCK;
            default -> ladder.active() ? ladderHealth : HealthState.OK;
        };
        status.recoveryStep = ladder.step();
        if (state == SupervisorState.ABSENT && desired.managed()) {
            status.configError = ConfigMatcher.MODEM_NOT_FOUND;
        } else if (state == SupervisorState.OPENING
                && ConfigMatcher.MODEM_NOT_FOUND.equals(status.configError)) {
            status.configError = null;
        }
    }

    private void publish() {
        ModemStatus snapshot = status.build();
        if (!snapshot.equals(lastPublished)) {
            lastPublished = snapshot;
            listener.statusChanged(this, snapshot);
        }
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /**
     * Stops timers and closes the modem; leaves the bearer and radio as they are (a restarted agent picks them
     * up). Returns at once; the future completes when the supervisor's thread has done it.
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            closed = true;
            epoch++;
            cancel(stateTimer);
            cancel(retryTimer);
            cancel(tickTimer);
            cancel(stepTimer);
            stopDataTimers();
            closeModem();
            done.complete(null);
        });
        return done;
    }

    @Override
    public void close() {
        closeAsync().completeOnTimeout(null, ExecutorScheduler.CLOSE_TIMEOUT.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }
}
