package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.RecoveryStep;

/**
 * Gets a modem out of trouble: decides what a failure leads to, and runs the recovery ladder's steps.
 *
 * <p>A failure (a request that failed, a state's bound that ran out) leads to one of three: a SIM error to
 * {@code failed} until the card changes; a plain retry after the {@link Backoff} (the network refused, say);
 * or, when requests go unanswered ({@link SupervisorSettings#stuckAfterTimeouts()} in a row), the ladder.
 * The ladder also starts when the data plane stalls ({@link DataPlaneMonitor}) or the kernel reports a driver error
 * or transmit timeout for the modem.
 *
 * <p>{@link RecoveryLadder} decides the step; this runs it: reopen (through opening), reset and rebind (in
 * recovering, then a reopen after the port settled), stuck (a backoff, then the ladder again from the reopen).
 * Each step is bounded ({@link RecoveryBounds}), reported as a {@code recovery} status event and a log line; one
 * that fails or outlives its bound moves the ladder on. Health stays recovering (stuck once the ladder was
 * exhausted) until the modem shows the trouble gone. Repeated identical failure lines are logged once
 * ({@link RepeatedLog}).
 *
 * <p>Owned by the supervisor's thread.
 */
final class RecoveryRunner {

    /** Logged under the supervisor's name: one modem's story is one stream in the log. */
    private static final Logger LOG = LoggerFactory.getLogger(ModemSupervisor.class);

    private final String key;
    private final SupervisorSettings settings;
    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final Lifecycle lifecycle;
    private final ModemSession session;
    private final Backoff backoff;
    private final Supplier<Desired> desired;
    private final Runnable closeModem;
    private final RecoveryLadder ladder = new RecoveryLadder();
    private final RepeatedLog repeated = new RepeatedLog();

    private int consecutiveTimeouts;
    /** The pending backoff retry, settle pause or open attempt of the current state; ends with the state. */
    private Scheduler.Timer retryTimer;
    private Scheduler.Timer stepTimer;
    /** Where the driver can be rebound; null when discovery gave no sysfs device. */
    private RebindTarget rebindTarget;
    /** The ladder step the next RECOVERING runs; null: RECOVERING is a plain backoff retry. */
    private RecoveryStep pendingStep;
    /** Identifies the running step, so a late step timer does nothing; the step is done once the modem answers. */
    private long stepId;
    private boolean stepDone = true;
    /** When a recovery step last started or a recovery ended: kernel errors around it are the step's own. */
    private Instant lastRecoveryActivity;

    /** @param closeModem closes the port and forgets what belonged to its session */
    RecoveryRunner(String key, SupervisorSettings settings, Scheduler scheduler, ModemStatusBuilder status,
            Lifecycle lifecycle, ModemSession session, Backoff backoff, Supplier<Desired> desired,
            Runnable closeModem) {
        this.key = key;
        this.settings = settings;
        this.scheduler = scheduler;
        this.status = status;
        this.lifecycle = lifecycle;
        this.session = session;
        this.backoff = backoff;
        this.desired = desired;
        this.closeModem = closeModem;
    }

    /** Where discovery says the driver can be rebound (null: nowhere). */
    void rebindAt(RebindTarget target) {
        rebindTarget = target;
    }

    /** Whether a recovery episode is under way. */
    boolean active() {
        return ladder.active();
    }

    /** The modem works (connected), or the config changed: the next failure starts from the first backoff. */
    void resetRetries() {
        backoff.reset();
        consecutiveTimeouts = 0;
    }

    // ---------------------------------------------------------------- failures

    /** What a failed request or an expired bound leads to: failed, a backoff retry, or the ladder's next step. */
    void failed(Throwable failure) {
        ModemException e = ModemException.of(failure);
        String message = e.getMessage();
        status.lastError = message;
        logRepeated(lifecycle.state().jsonName() + " failed: " + message);
        if (e.kind() == ModemException.Kind.SIM || e.kind() == ModemException.Kind.RADIO_LOCKED) {
            // Only the user can fix a locked SIM or radio (a PIN file, the fccUnlock setting): no ladder for it.
            status.configError = message;
            lifecycle.enter(SupervisorState.FAILED, message);
            return;
        }
        if (e.kind() == ModemException.Kind.CLOSED) {
            closeModem.run();
        }
        if (lifecycle.state() == SupervisorState.CONNECTING) {
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
        lifecycle.enter(SupervisorState.RECOVERING, message);
    }

    /** Failures a running recovery step cannot be blamed on the network for: they move the ladder on. */
    private static boolean stepFailure(ModemException.Kind kind) {
        return kind == ModemException.Kind.TIMEOUT || kind == ModemException.Kind.IO
                || kind == ModemException.Kind.CLOSED;
    }

    /**
     * A driver error or transmit timeout in the kernel log: starts the ladder unless one is running or ended
     * moments ago (see {@link RecoveryBounds#kernelHoldoff()}), so one burst starts at most one recovery.
     */
    void kernelTrouble(KernelEvent event) {
        String why = "kernel reported " + event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ": " + event.message();
        Instant now = scheduler.now();
        if (!lifecycle.state().hasModem()) {
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

    // ---------------------------------------------------------------- the ladder

    /** Starts the ladder, or moves it to its next step, and runs that step. */
    void escalate(RecoveryLadder.Trouble trouble, String why) {
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
        status.event(now, EventKinds.RECOVERY, line + (bound == null ? "" : " (bound " + bound.toSeconds() + " s)"));
        logRepeated(line);
        if (bound != null) {
            status.recoveries++;
            stepDone = false;
            stepTimer = scheduler.schedule(bound, () -> {
                if (id == stepId && !stepDone && !lifecycle.closed()) {
                    failed(new ModemException(ModemException.Kind.TIMEOUT, "recovery step " + step.jsonName()
                            + " did not bring the modem back within " + bound.toSeconds() + " s"));
                }
            });
        } else {
            stepDone = true;
        }
        switch (step) {
            case REOPEN -> lifecycle.enter(SupervisorState.OPENING, "recovery: reopening the port");
            case RESET, REBIND -> {
                pendingStep = step;
                lifecycle.enter(SupervisorState.RECOVERING, "recovery: " + step.jsonName());
            }
            case STUCK -> lifecycle.enter(SupervisorState.STUCK, why);
        }
    }

    private boolean rebindAvailable() {
        Desired wanted = desired.get();
        return rebindTarget != null && wanted.managed() && wanted.config().recovery().rebindDriver();
    }

    /**
     * A state was entered: what the previous state had pending ends, and reaching ready means the running step
     * got the modem to answer again (opened, basics read); the episode may go on.
     */
    void stateEntered(SupervisorState state) {
        cancel(retryTimer);
        if (state == SupervisorState.READY && !stepDone) {
            cancel(stepTimer);
            stepDone = true;
            status.event(scheduler.now(), EventKinds.RECOVERY, "recovery step " + ladder.step().jsonName()
                    + " done: the modem answers");
        }
    }

    /** The modem is gone: gone is not stuck, the running step's bound stops; the episode goes on when it is back. */
    void modemGone() {
        cancel(stepTimer);
        stepDone = true;
    }

    /** Ends the recovery episode when the evidence shows its trouble gone. */
    void recovered(RecoveryLadder.Evidence evidence) {
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
        status.event(scheduler.now(), EventKinds.RECOVERY, line);
        LOG.info("{}: {}", key, line);
        String summary = repeated.clear();
        if (summary != null) {
            LOG.info("{}: {}", key, summary);
        }
        updateHealth();
    }

    /** Runs what recovering was entered for: the ladder's reset or rebind, or a plain retry after the backoff. */
    void recovering() {
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
        status.event(scheduler.now(), EventKinds.STATE, "retrying in " + delay.toSeconds() + " s");
        long stateEpoch = lifecycle.epoch();
        retryTimer = scheduler.schedule(delay, () -> {
            if (lifecycle.isCurrent(stateEpoch)) {
                lifecycle.enter(session.isOpen() ? SupervisorState.READY : SupervisorState.OPENING,
                        "backoff elapsed");
            }
        });
    }

    /**
     * A reset needs the port open: the step keeps trying to open it until its own bound runs out, each try
     * bounded like a reopen (a try that never answers is abandoned, and closed should it answer later).
     */
    private void runReset() {
        if (session.isOpen()) {
            sendReset();
            return;
        }
        long attemptEpoch = lifecycle.epoch();
        RecoveryBounds bounds = settings.recovery();
        retryTimer = scheduler.schedule(bounds.reopen(), () -> {
            if (lifecycle.isCurrent(attemptEpoch) && !lifecycle.closed()) {
                lifecycle.abandonWork();
                runReset();
            }
        });
        session.open(opened -> {
            cancel(retryTimer);
            sendReset();
        }, failure -> {
            cancel(retryTimer);
            LOG.debug("{}: reset step: open failed: {}", key, ModemException.of(failure).getMessage());
            retryTimer = scheduler.schedule(bounds.openRetry(), () -> {
                if (lifecycle.isCurrent(attemptEpoch) && !lifecycle.closed()) {
                    runReset();
                }
            });
        });
    }

    private void sendReset() {
        session.await(session.modem().reset(), ignored -> {
            status.event(scheduler.now(), EventKinds.RECOVERY, "reset accepted; reopening in "
                    + settings.recovery().settle().toMillis() + " ms");
            reopenAfterSettle("recovery: reopening after the reset");
        });
    }

    private void runRebind() {
        RebindTarget target = rebindTarget;
        closeModem.run();
        session.await(DriverRebind.start(target), ignored -> {
            status.event(scheduler.now(), EventKinds.RECOVERY, "driver of " + target.deviceName()
                    + " unbound and bound");
            reopenAfterSettle("recovery: reopening after the driver rebind");
        });
    }

    /** After a reset or rebind the port goes away and comes back: wait, then open afresh. */
    private void reopenAfterSettle(String why) {
        closeModem.run();
        long settleEpoch = lifecycle.epoch();
        retryTimer = scheduler.schedule(settings.recovery().settle(), () -> {
            if (lifecycle.isCurrent(settleEpoch) && !lifecycle.closed()) {
                lifecycle.enter(SupervisorState.OPENING, why);
            }
        });
    }

    /** Every step failed: wait the backoff, then run the ladder again from the reopen. */
    void stuck() {
        Duration delay = backoff.nextDelay();
        status.event(scheduler.now(), EventKinds.RECOVERY, "every recovery step failed; starting again in "
                + delay.toSeconds() + " s");
        long stateEpoch = lifecycle.epoch();
        RecoveryLadder.Trouble trouble = ladder.trouble();
        retryTimer = scheduler.schedule(delay, () -> {
            if (lifecycle.isCurrent(stateEpoch) && !lifecycle.closed()) {
                escalate(trouble, "backoff elapsed after every step failed");
            }
        });
    }

    // ---------------------------------------------------------------- reporting

    /**
     * Health in status follows the state and the ladder: recovering while an episode runs, stuck from the first
     * time it ran out. A configured modem that is absent shows "modem not found" until it is being opened.
     */
    void updateHealth() {
        SupervisorState state = lifecycle.state();
        HealthState ladderHealth = ladder.exhausted() ? HealthState.STUCK : HealthState.RECOVERING;
        status.healthState = switch (state) {
            case ABSENT -> HealthState.ABSENT;
            case RECOVERING -> ladder.active() ? ladderHealth : HealthState.RECOVERING;
            case STUCK -> HealthState.STUCK;
            default -> ladder.active() ? ladderHealth : HealthState.OK;
        };
        status.recoveryStep = ladder.step();
        if (state == SupervisorState.ABSENT && desired.get().managed()) {
            status.configError = ConfigMatcher.MODEM_NOT_FOUND;
        } else if (state == SupervisorState.OPENING
                && ConfigMatcher.MODEM_NOT_FOUND.equals(status.configError)) {
            status.configError = null;
        }
    }

    private void logRepeated(String message) {
        String line = repeated.admit(message);
        if (line != null) {
            LOG.warn("{}: {}", key, line);
        } else {
            LOG.debug("{}: {}", key, message);
        }
    }

    /** The supervisor is closing: nothing pending may run. */
    void close() {
        cancel(retryTimer);
        cancel(stepTimer);
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
