package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.policy.SimChoice;
import org.wwan4j.agent.policy.SimSlotPolicy;
import org.wwan4j.agent.status.Power;

/**
 * What the modem reports on its own, and the slow safety tick that stands in for a report that was lost. Status is
 * driven by the modem's events (full values, not deltas); some also move the state: registered while registering,
 * the bearer down while connected, a SIM change, the radio leaving online mode, the modem removed. Every
 * {@code safetyTick} the tick re-reads what the current state depends on and acts as if the event had come.
 *
 * <p>Owned by the supervisor's thread.
 */
final class ModemIndications {

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final Duration safetyTick;
    private final Lifecycle lifecycle;
    private final ModemSession session;
    private final BearerIp bearer;
    private final BringUp bringUp;
    private final Supplier<Desired> desired;
    private final Runnable closeModem;
    private final Consumer<Throwable> failed;
    private final Runnable publish;
    private Scheduler.Timer tickTimer;

    /** @param closeModem closes the port and forgets what belonged to its session */
    ModemIndications(Scheduler scheduler, ModemStatusBuilder status, Duration safetyTick, Lifecycle lifecycle,
            ModemSession session, BearerIp bearer, BringUp bringUp, Supplier<Desired> desired, Runnable closeModem,
            Consumer<Throwable> failed, Runnable publish) {
        this.scheduler = scheduler;
        this.status = status;
        this.safetyTick = safetyTick;
        this.lifecycle = lifecycle;
        this.session = session;
        this.bearer = bearer;
        this.bringUp = bringUp;
        this.desired = desired;
        this.closeModem = closeModem;
        this.failed = failed;
        this.publish = publish;
    }

    /** An event of the open modem, on the supervisor's thread. */
    void onEvent(ModemEvent event) {
        SupervisorState state = lifecycle.state();
        switch (event) {
            case ModemEvent.RegistrationChanged e -> {
                status.registration = e.registration();
                if (state == SupervisorState.REGISTERING && BringUp.isRegistered(e.registration())) {
                    lifecycle.enter(SupervisorState.CONNECTING,
                            "registered (" + e.registration().state().jsonName() + ")");
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
                status.event(scheduler.now(), EventKinds.SIM, "SIM slots changed");
                Desired wanted = desired.get();
                // A failed modem tries again on any change; another one when its SIM became unusable (ready says why).
                if (state == SupervisorState.FAILED
                        || (wanted.managed() && state != SupervisorState.RADIO_OFF
                        && SimSlotPolicy.choose(wanted.config().simSlot(), e.sims()) instanceof SimChoice.Blocked
                        && state.hasModem())) {
                    lifecycle.enter(SupervisorState.READY, "SIM changed");
                }
            }
            case ModemEvent.PowerChanged e -> {
                status.power = e.power();
                boolean radioNeeded = state == SupervisorState.CONNECTED || state == SupervisorState.REGISTERING;
                if (radioNeeded && e.power() != Power.ONLINE) {
                    lifecycle.enter(SupervisorState.READY, "modem left online mode (" + e.power().jsonName() + ")");
                }
            }
            case ModemEvent.LocationChanged e -> status.location = e.location();
            case ModemEvent.FieldUnavailable e -> status.event(scheduler.now(), EventKinds.CAPABILITY,
                    e.field() + " unavailable: " + e.reason());
            case ModemEvent.Removed e -> {
                closeModem.run();
                failed.accept(new ModemException(ModemException.Kind.CLOSED, "modem removed: " + e.reason()));
            }
        }
        publish.run();
    }

    private void bearerLost(String why) {
        bearer.down();
        status.disconnected();
        status.event(scheduler.now(), EventKinds.CONNECT, why);
        lifecycle.enter(SupervisorState.REGISTERING, why);
    }

    // ---------------------------------------------------------------- safety tick

    /** Starts the tick; it runs until {@link #stopSafetyTick()}, whatever the state. */
    void startSafetyTick() {
        tickTimer = scheduler.schedule(safetyTick, () -> {
            if (!lifecycle.closed()) {
                tick();
                startSafetyTick();
            }
        });
    }

    void stopSafetyTick() {
        if (tickTimer != null) {
            tickTimer.cancel();
        }
    }

    /** In case an indication was lost: re-read what a state depends on and act as if an event had come. */
    private void tick() {
        Modem modem = session.modem();
        switch (lifecycle.state()) {
            case CONNECTED -> {
                long tickEpoch = lifecycle.epoch();
                session.quietly(modem.bearerSettings(), current -> {
                    if (lifecycle.isCurrent(tickEpoch) && current.isEmpty()) {
                        bearerLost("bearer found down by safety tick");
                    }
                });
                session.quietly(modem.registration(), r -> status.registration = r);
                session.quietly(modem.signal(), s -> status.signal = s);
            }
            case REGISTERING -> bringUp.awaitRegistration();
            case FAILED -> session.quietly(modem.sims(), sims -> {
                status.sims = sims;
                Desired wanted = desired.get();
                // Only retry when the SIM now allows it, so a modem without a card does not cycle every tick; nor
                // one whose radio stays FCC-locked (only a config change helps), unless a new PIN is in the PIN file.
                boolean simUsable = wanted.managed()
                        && !(SimSlotPolicy.choose(wanted.config().simSlot(), sims) instanceof SimChoice.Blocked);
                boolean retry = (simUsable && !bringUp.radioLocked()) || (wanted.managed() && bringUp.pinFileChanged());
                if (lifecycle.state() == SupervisorState.FAILED && retry) {
                    lifecycle.enter(SupervisorState.READY, "safety tick: retrying");
                }
            });
            case RADIO_OFF -> session.quietly(modem.power(), power -> {
                status.power = power;
                if (lifecycle.state() == SupervisorState.RADIO_OFF && power == Power.ONLINE) {
                    lifecycle.enter(SupervisorState.RADIO_OFF, "radio found on by safety tick");
                }
            });
            default -> { }
        }
        publish.run();
    }
}
