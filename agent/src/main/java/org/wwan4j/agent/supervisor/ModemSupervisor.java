package org.wwan4j.agent.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.KernelEvent;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.policy.KernelReaction;
import org.wwan4j.agent.policy.RadioPolicy;
import org.wwan4j.agent.quirks.ModemQuirks;
import org.wwan4j.agent.quirks.VendorQuirks;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;

/**
 * Drives one modem towards what the agent wants ({@link Desired}) through an explicit state machine. Every input
 * (modem events, config, discovery, timers, completions of modem requests) is handled on the supervisor's own
 * {@link Scheduler} thread, so the state needs no locks and one slow modem never holds up another.
 *
 * <p>The supervisor routes its inputs to parts that each own one concern:
 * <ul>
 *   <li>{@link Lifecycle}: the current {@link SupervisorState}, moves checked against the table in
 *       {@link StateTransitions}, each state's bound, and the epoch that lets a move abandon work in flight;</li>
 *   <li>{@link ModemSession}: the open port, and answers to requests acted on only in the epoch that sent them;</li>
 *   <li>{@link BringUp}: the work of opening, ready (with {@link FccUnlockStep} and {@link SimPinStep}),
 *       registering and connecting;</li>
 *   <li>{@link ModemIndications}: the modem's events, and the safety tick in case one was lost;</li>
 *   <li>{@link BearerIp}: the bearer's IP settings on the network interface;</li>
 *   <li>{@link DataPlaneMonitor}: counters, connectivity probe and stall detection while connected;</li>
 *   <li>{@link RecoveryRunner}: what a failure leads to, and the recovery ladder's steps;</li>
 *   <li>{@link DesiredReaction}: what a change of what is wanted leads to, as a pure function.</li>
 * </ul>
 * What stays here is what ties them together: the inputs, the work on entering the other states (absent,
 * connected, radio-off, recovering, stuck, failed), carrying out the reaction to new wishes, the reconnect that both
 * a config change and a failed probe ask for, and publishing status.
 */
public final class ModemSupervisor implements AutoCloseable {

    private final String key;
    private final Scheduler scheduler;
    private final SupervisorListener listener;
    private final ModemStatusBuilder status;
    private final Lifecycle lifecycle;
    private final ModemSession session;
    private final BearerIp bearer;
    private final RecoveryRunner recovery;
    private final DataPlaneMonitor dataPlane;
    private final BringUp bringUp;
    private final ModemIndications indications;
    private final ProviderScan scan;
    private final LocationTracking location;

    // Touched only on the scheduler's thread.
    private Desired desired;
    /** What the vendor table says about the modem discovery found; unknown until discovery names its id. */
    private ModemQuirks quirks = ModemQuirks.UNKNOWN;
    private ModemStatus lastPublished;

    // Read from other threads (the agent).
    private volatile Instant radioConfirmedSnapshot;

    /**
     * @param key     stable identity in the agent: the config name, or the control port of an unmanaged modem
     * @param desired what is wanted at start
     */
    public ModemSupervisor(String key, Desired desired, SupervisorSettings settings, Scheduler scheduler,
            ModemFactory factory, ConnectPolicy connectPolicy, Backoff backoff, IpConfigurator ip,
            ProbeRunner prober, SupervisorListener listener) {
        this(key, desired, settings, scheduler, factory, connectPolicy, backoff, ip, prober, listener,
                RejectedPins.inMemory());
    }

    /** @param rejectedPins the SIM PINs cards rejected, shared by the agent's supervisors (and kept across restarts) */
    public ModemSupervisor(String key, Desired desired, SupervisorSettings settings, Scheduler scheduler,
            ModemFactory factory, ConnectPolicy connectPolicy, Backoff backoff, IpConfigurator ip,
            ProbeRunner prober, SupervisorListener listener, RejectedPins rejectedPins) {
        this.key = Objects.requireNonNull(key, "key");
        this.desired = Objects.requireNonNull(desired, "desired");
        this.scheduler = scheduler;
        this.listener = listener;
        this.status = new ModemStatusBuilder(desired.managed() ? desired.config().name() : null,
                event -> listener.event(this, event));
        this.lifecycle = new Lifecycle(key, scheduler, status,
                (from, to, why) -> listener.stateChanged(this, from, to, why), this::failed, this::entered);
        this.session = new ModemSession(key, scheduler, lifecycle, factory, status, this::failed,
                this::onModemEvent, this::publish,
                () -> this.desired.managed() && this.desired.config().locationTracking());
        this.bearer = new BearerIp(key, ip);
        this.recovery = new RecoveryRunner(key, settings, scheduler, status, lifecycle, session, backoff,
                this::desired, this::closeModem);
        this.dataPlane = new DataPlaneMonitor(scheduler, status, settings.countersPeriod(), lifecycle, session, bearer,
                prober, recovery, this::desired, this::reconnect, this::publish);
        this.bringUp = new BringUp(scheduler, status, lifecycle, session, bearer, connectPolicy, this::desired,
                () -> quirks, rejectedPins, this::failed);
        this.indications = new ModemIndications(scheduler, status, settings.safetyTick(), lifecycle, session, bearer,
                bringUp, this::desired, this::closeModem, this::failed, this::publish);
        this.scan = new ProviderScan(scheduler, status, settings.scanPeriod(), session::modem,
                () -> this.desired.scanProviders() && !this.desired.radioSilence(),
                () -> lifecycle.state() == SupervisorState.CONNECTED, progress -> listener.scanProgress(this, progress),
                this::publish);
        this.location = new LocationTracking(scheduler, status, settings.locationInterval(), this::publish);
        scheduler.execute(() -> {
            indications.startSafetyTick();
            recovery.updateHealth();
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
        found(controlDevice, driverProtocol, interfaceName, rebind, null);
    }

    /**
     * Discovery found the modem: open it.
     *
     * @param rebind     where its driver can be rebound, or null when discovery knows no sysfs device for it
     * @param hardwareId its USB/PCI vendor:product id, the key of the vendor table; null when sysfs does not say
     */
    public void found(Path controlDevice, Protocol driverProtocol, String interfaceName, RebindTarget rebind,
            String hardwareId) {
        found(controlDevice, driverProtocol, interfaceName, rebind, hardwareId, null);
    }

    /**
     * As {@link #found(Path, Protocol, String, RebindTarget, String)}, with the manufacturer the USB descriptor
     * names (null when sysfs does not say): status shows it when the modem itself names none (MBIM).
     */
    public void found(Path controlDevice, Protocol driverProtocol, String interfaceName, RebindTarget rebind,
            String hardwareId, String usbManufacturer) {
        scheduler.execute(() -> {
            if (lifecycle.closed()) {
                return;
            }
            quirks = VendorQuirks.bundled().lookup(hardwareId);
            status.hardwareId = hardwareId;
            status.usbManufacturer = usbManufacturer;
            recovery.rebindAt(rebind);
            boolean sameDevice = controlDevice.equals(session.device())
                    && lifecycle.state() != SupervisorState.ABSENT;
            session.locate(controlDevice, driverProtocol);
            bearer.discovered(interfaceName);
            status.device = controlDevice.toString();
            if (!sameDevice) {
                lifecycle.enter(SupervisorState.OPENING, "modem found at " + controlDevice);
            }
        });
    }

    /** Discovery lost the modem (unplugged, driver unbound). */
    public void lost(String why) {
        scheduler.execute(() -> {
            if (!lifecycle.closed() && lifecycle.state() != SupervisorState.ABSENT) {
                lifecycle.enter(SupervisorState.ABSENT, why);
            }
        });
    }

    /** A new config, radio-silence request or location grant. */
    public void update(Desired next) {
        Objects.requireNonNull(next, "next");
        scheduler.execute(() -> {
            if (!lifecycle.closed()) {
                applyDesired(next);
            }
        });
    }

    /**
     * A kernel log event tied to this modem (or to the whole machine): recorded in status; a driver error or
     * transmit timeout may start the recovery ladder (see {@link RecoveryRunner#kernelTrouble}).
     */
    public void kernelEvent(KernelEvent event) {
        scheduler.execute(() -> {
            if (lifecycle.closed()) {
                return;
            }
            status.event(scheduler.now(), EventKinds.KERNEL, event.kind() + ": " + event.message()
                    + (event.repeats() > 0 ? " (and " + event.repeats() + " more like it)" : ""));
            if (KernelReaction.of(event) == KernelReaction.RECOVER) {
                recovery.kernelTrouble(event);
            }
            publish();
        });
    }

    /** Current state; safe from any thread (a snapshot that may be stale at once). */
    public SupervisorState state() {
        return lifecycle.snapshot();
    }

    /** The radio request time this modem has confirmed (radio off for silence, on otherwise), or null. */
    public Instant radioConfirmedAt() {
        return radioConfirmedSnapshot;
    }

    // ---------------------------------------------------------------- the work of each state

    /** Runs once {@link Lifecycle} recorded a move. */
    private void entered(SupervisorState next) {
        recovery.stateEntered(next);
        recovery.updateHealth();
        switch (next) {
            case ABSENT -> onAbsent();
            case OPENING -> onOpening();
            case READY -> onReady();
            case REGISTERING -> bringUp.awaitRegistration();
            case CONNECTING -> bringUp.connect();
            case CONNECTED -> onConnected();
            case RADIO_OFF -> onRadioOff();
            case RECOVERING -> {
                stopDataTimers();
                recovery.recovering();
            }
            case STUCK -> {
                stopDataTimers();
                recovery.stuck();
            }
            case FAILED -> {
                stopDataTimers();
                recovery.recovered(RecoveryLadder.Evidence.ANSWERS);
            }
        }
        publish();
    }

    private void onAbsent() {
        recovery.modemGone();
        stopDataTimers();
        bearer.removeFromInterface();
        closeModem();
        status.forgetModemState();
        radioConfirmed(null);
    }

    private void onOpening() {
        // Reopening (port lost, or re-enumerated under another name): nothing of the old session is trusted.
        stopDataTimers();
        bearer.removeFromInterface();
        if (status.bearer != null && status.bearer.connected()) {
            status.disconnected();
        }
        closeModem();
        bringUp.open();
    }

    private void onReady() {
        if (!RadioPolicy.radioWanted(desired.managed(), desired.radioSilence())) {
            lifecycle.enter(SupervisorState.RADIO_OFF, desired.managed() ? "radio silence" : "unmanaged modem");
            return;
        }
        radioConfirmed(desired.radioRequestedAt());
        bringUp.prepare();
    }

    private void onConnected() {
        recovery.resetRetries();
        status.configError = null;
        status.lastError = null;
        recovery.recovered(RecoveryLadder.Evidence.ANSWERS);
        recovery.updateHealth();
        dataPlane.start();
        updateLocation();
        scan.plan(Duration.ZERO);
    }

    private void onRadioOff() {
        stopDataTimers();
        location.stop();
        // Always asked: after an agent restart a bearer may be up that this instance never saw come up. Low
        // power tears a bearer down anyway, so a failing disconnect must not keep the radio on.
        CompletableFuture<Void> disconnect = session.modem().disconnect().exceptionally(failure -> null);
        session.await(disconnect, ignored -> {
            bearer.down();
            status.disconnected();
            session.await(session.modem().setPower(Power.LOW_POWER), done -> {
                status.power = Power.LOW_POWER;
                status.event(scheduler.now(), EventKinds.RADIO, "radio off ("
                        + (desired.managed() ? "radio silence" : "unmanaged") + ")");
                radioConfirmed(desired.radioRequestedAt());
                lifecycle.settled();
                recovery.recovered(RecoveryLadder.Evidence.ANSWERS);
                publish();
            });
        });
    }

    // ---------------------------------------------------------------- what is wanted

    private void applyDesired(Desired next) {
        Desired previous = desired;
        desired = next;
        if (next.managed()) {
            status.name = next.config().name();
        }
        DesiredReaction.Observed observed = new DesiredReaction.Observed(lifecycle.state(), session.isOpen());
        for (DesiredReaction.Action action : DesiredReaction.react(previous, next, observed)) {
            switch (action) {
                case DesiredReaction.TurnRadioOff off -> lifecycle.enter(SupervisorState.RADIO_OFF, off.why());
                case DesiredReaction.TurnRadioOn on -> {
                    radioConfirmed(desired.radioRequestedAt());
                    lifecycle.enter(SupervisorState.READY, "radio allowed");
                }
                case DesiredReaction.ConfirmRadioOn confirm -> radioConfirmed(desired.radioRequestedAt());
                case DesiredReaction.Reconnect reconnect -> reconnect(reconnect.why());
                case DesiredReaction.ReapplyIp reapply -> reapplyIp();
                case DesiredReaction.ReplanProbe replan -> dataPlane.probeSettingsChanged();
                case DesiredReaction.StartScan start -> scan.plan(Duration.ZERO);
                case DesiredReaction.StopScan stop -> scan.disabled();
                case DesiredReaction.UpdateLocation update -> updateLocation();
            }
        }
        publish();
    }

    /** Takes the bearer down and starts over from ready; asked for by a config change and by a failed probe. */
    private void reconnect(String why) {
        recovery.resetRetries();
        status.event(scheduler.now(), EventKinds.CONFIG, why + ": reconnecting");
        if (bearer.hasBearer() || lifecycle.state() == SupervisorState.CONNECTING) {
            Modem current = session.modem();
            bearer.down();
            status.disconnected();
            long disconnectEpoch = lifecycle.abandonWork();
            current.disconnect().whenCompleteAsync((ignored, failure) -> {
                if (lifecycle.isCurrent(disconnectEpoch)) {
                    lifecycle.enter(SupervisorState.READY, why);
                }
            }, scheduler);
        } else {
            lifecycle.enter(SupervisorState.READY, why);
        }
    }

    private void reapplyIp() {
        if (lifecycle.state() != SupervisorState.CONNECTED || !bearer.isApplied()) {
            return;
        }
        try {
            bearer.reapply(desired.config());
            status.event(scheduler.now(), EventKinds.CONFIG, "MTU or route metric changed: IP settings re-applied");
        } catch (IOException e) {
            failed(new ModemException(ModemException.Kind.IO, "re-applying IP settings: " + e.getMessage(), e));
        }
    }

    private void updateLocation() {
        boolean wanted = desired.managed() && desired.config().locationTracking() && desired.locationGranted()
                && !desired.radioSilence() && session.isOpen();
        location.update(session.modem(), wanted);
    }

    // ---------------------------------------------------------------- helpers

    private Desired desired() {
        return desired;
    }

    private void failed(Throwable failure) {
        recovery.failed(failure);
    }

    private void onModemEvent(ModemEvent event) {
        indications.onEvent(event);
    }

    private void stopDataTimers() {
        dataPlane.stop();
        scan.cancel();
    }

    /** Closes the port; what belonged to its session (GNSS tracking, the bearer's settings) ends with it. */
    private void closeModem() {
        location.forget();
        session.close();
        bearer.forgetBearer();
    }

    private void radioConfirmed(Instant at) {
        radioConfirmedSnapshot = at;
    }

    private void publish() {
        ModemStatus snapshot = status.build();
        if (!snapshot.equals(lastPublished)) {
            lastPublished = snapshot;
            listener.statusChanged(this, snapshot);
        }
    }

    /**
     * Stops timers and closes the modem; leaves the bearer and radio as they are (a restarted agent picks them
     * up). Returns at once; the future completes when the supervisor's thread has done it.
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            lifecycle.close();
            recovery.close();
            indications.stopSafetyTick();
            stopDataTimers();
            closeModem();
            done.complete(null);
        });
        return done;
    }

    @Override
    public void close() {
        closeAsync().completeOnTimeout(null, SchedulerThread.CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }
}
