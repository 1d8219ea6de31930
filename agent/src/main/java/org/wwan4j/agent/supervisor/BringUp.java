package org.wwan4j.agent.supervisor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.policy.SimChoice;
import org.wwan4j.agent.policy.SimSlotPolicy;
import org.wwan4j.agent.quirks.ModemQuirks;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Sim;

/**
 * The work of the states on the way up, each a chain of modem requests that ends in the move to the next state:
 * opening (open the port, read what status shows), ready (radio on with {@link FccUnlockStep}, SIM slot and PIN with
 * {@link SimPinStep}, RAT/PLMN preferences, attach bearer), registering (wait for home or roaming) and connecting (bring the bearer up, or keep the one a previous
 * run left up, and apply its IP settings). A request that fails fails the state (see {@link RecoveryRunner}).
 *
 * <p>Owned by the supervisor's thread.
 */
final class BringUp {

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final Lifecycle lifecycle;
    private final ModemSession session;
    private final BearerIp bearer;
    private final ConnectPolicy connectPolicy;
    private final Supplier<Desired> desired;
    private final Consumer<Throwable> failed;
    private final FccUnlockStep fccUnlock;
    private final SimPinStep simPin;
    /** The vendor table's row for the modem: the data format its model needs. */
    private final Supplier<ModemQuirks> quirks;
    private boolean radioLocked;

    BringUp(Scheduler scheduler, ModemStatusBuilder status, Lifecycle lifecycle, ModemSession session,
            BearerIp bearer, ConnectPolicy connectPolicy, Supplier<Desired> desired, Supplier<ModemQuirks> quirks,
            RejectedPins rejectedPins, Consumer<Throwable> failed) {
        this.scheduler = scheduler;
        this.status = status;
        this.lifecycle = lifecycle;
        this.session = session;
        this.bearer = bearer;
        this.connectPolicy = connectPolicy;
        this.desired = desired;
        this.failed = failed;
        this.quirks = quirks;
        this.fccUnlock = new FccUnlockStep(scheduler, status, session, desired, quirks);
        this.simPin = new SimPinStep(scheduler, status, session, desired, rejectedPins);
    }

    static boolean isRegistered(Registration registration) {
        return registration != null && (registration.state() == RegistrationState.HOME
                || registration.state() == RegistrationState.ROAMING);
    }

    // ---------------------------------------------------------------- opening

    /** Opens the port and reads identity and basics; then ready. */
    void open() {
        session.open(opened -> session.await(opened.identity(), identity -> {
            status.identity = identity.manufacturer() != null || status.usbManufacturer == null ? identity
                    : new Identity(identity.imei(), status.usbManufacturer, identity.model(), identity.revision(),
                            identity.hardwareRevision());
            readBasics(() -> lifecycle.enter(SupervisorState.READY, "opened"));
        }), failed);
    }

    /** Power, SIMs, registration and signal: what status shows before anything is changed. */
    private void readBasics(Runnable then) {
        session.await(session.modem().power(), power -> {
            status.power = power;
            session.await(session.modem().sims(), sims -> {
                status.sims = sims;
                session.await(session.modem().registration(), registration -> {
                    status.registration = registration;
                    session.quietly(session.modem().signal(), signal -> status.signal = signal);
                    readStoredProfiles();
                    then.run();
                });
            });
        });
    }

    // ---------------------------------------------------------------- ready

    /**
     * Radio on (FCC-unlocking a locked modem once), the configured SIM slot active and its PIN entered,
     * preferences and attach bearer set; then registering.
     */
    void prepare() {
        status.configError = null;
        radioLocked = false;
        Runnable chooseSim = () -> session.await(session.modem().sims(), sims -> {
            status.sims = sims;
            chooseSim(sims, true, true);
        });
        if (status.power != Power.ONLINE) {
            fccUnlock.powerUp(chooseSim, why -> {
                radioLocked = true;
                blockedByConfig(why);
            });
        } else {
            chooseSim.run();
        }
    }

    /** Whether the modem is held back because its radio stays FCC-locked: only a config change helps then. */
    boolean radioLocked() {
        return radioLocked;
    }

    /** Whether a modem held back by its SIM's PIN has a new PIN in its file to try (see {@link SimPinStep}). */
    boolean pinFileChanged() {
        return simPin.pinFileChanged(activeSim(status.sims));
    }

    private void chooseSim(List<Sim> sims, boolean maySwitch, boolean mayEnterPin) {
        SimChoice choice = SimSlotPolicy.choose(desired.get().config().simSlot(), sims);
        switch (choice) {
            case SimChoice.Blocked blocked when mayEnterPin && SimSlotPolicy.SIM_LOCKED.equals(blocked.reason())
                    && activeSim(sims) != null -> simPin.unlock(activeSim(sims),
                    () -> session.await(session.modem().sims(), after -> {
                        status.sims = after;
                        chooseSim(after, false, false);
                    }), this::blockedByConfig);
            case SimChoice.Blocked blocked -> blockedByConfig(blocked.reason());
            case SimChoice.Switch target when maySwitch -> {
                status.event(scheduler.now(), EventKinds.SIM, "switching to SIM slot " + target.slot());
                session.await(session.modem().switchSimSlot(target.slot()),
                        ignored -> session.await(session.modem().sims(), after -> {
                            status.sims = after;
                            chooseSim(after, false, mayEnterPin);
                        }));
            }
            case SimChoice.Switch target -> blockedByConfig("SIM slot " + target.slot() + " did not become active");
            case SimChoice.Use use -> applyPreferences();
        }
    }

    /** The card in use: the active slot's, or the only slot's. */
    private static Sim activeSim(List<Sim> sims) {
        if (sims == null) {
            return null;
        }
        return sims.stream().filter(Sim::active).findFirst().orElse(sims.size() == 1 ? sims.getFirst() : null);
    }

    private void applyPreferences() {
        ModemConfig config = desired.get().config();
        CompletableFuture<Void> preferences = connectPolicy.hasPreferences(config)
                ? optional(session.modem().setPreferences(config.preferredRats(), config.preferredPlmns()),
                        "preferences")
                : CompletableFuture.completedFuture(null);
        session.await(preferences, ignored -> {
            BearerProfile attach;
            try {
                attach = connectPolicy.attachBearer(config);
            } catch (IOException e) {
                blockedByConfig("attach password: " + e.getMessage());
                return;
            }
            CompletableFuture<Void> attachSet = attach == null ? CompletableFuture.completedFuture(null)
                    : optional(session.modem().setAttachProfile(attach), "attach bearer");
            session.await(attachSet, done -> {
                if (attach != null) {
                    readStoredProfiles(); // the attach APN may have been written into one of them
                }
                lifecycle.enter(SupervisorState.REGISTERING, "SIM and preferences set");
            });
        });
    }

    /**
     * The modem's stored profiles, for status only: read on opening (managed or not) and again after the attach
     * APN was written. A modem that cannot list them keeps an empty list; nothing waits for the answer.
     */
    private void readStoredProfiles() {
        session.quietly(session.modem().storedProfiles(), profiles -> status.profiles = profiles);
    }

    /** An optional feature the modem lacks is noted and skipped; anything else fails the step. */
    private CompletableFuture<Void> optional(CompletableFuture<Void> request, String what) {
        return request.exceptionally(failure -> {
            ModemException e = ModemException.of(failure);
            if (e.kind() != ModemException.Kind.UNSUPPORTED) {
                throw e;
            }
            scheduler.execute(() -> status.event(scheduler.now(), EventKinds.CONNECT, what + " not supported: "
                    + e.getMessage()));
            return null;
        });
    }

    /** A problem only the user can fix (a SIM, a password file): stay failed until the SIM or config changes. */
    private void blockedByConfig(String reason) {
        status.configError = reason;
        lifecycle.enter(SupervisorState.FAILED, reason);
    }

    // ---------------------------------------------------------------- registering

    /** Connecting once registered; otherwise a registration event moves on, or the state's bound runs out. */
    void awaitRegistration() {
        session.await(session.modem().registration(), registration -> {
            status.registration = registration;
            if (isRegistered(registration)) {
                lifecycle.enter(SupervisorState.CONNECTING, "registered (" + registration.state().jsonName() + ")");
            }
        });
    }

    // ---------------------------------------------------------------- connecting

    /** The bearer up (kept or connected) and its IP settings applied; then connected. */
    void connect() {
        BearerProfile profile;
        try {
            profile = connectPolicy.defaultBearer(desired.get().config());
        } catch (IOException e) {
            blockedByConfig("password: " + e.getMessage());
            return;
        }
        Consumer<BearerSettings> bearerUp = settings -> bearerUp(profile, settings);
        session.modem().useDataFormat(bearer.kernelDataFormat(desired.get()), quirks.get().dataFormat());
        // A bearer already up (left by a previous run of the agent) is kept rather than dropped and brought up again.
        // A modem that cannot tell is connected as before: the connect replaces whatever is up.
        CompletableFuture<Optional<BearerSettings>> current = session.modem().bearerSettings()
                .exceptionally(failure -> Optional.empty());
        session.await(current, found -> {
            Optional<BearerSettings> adopted = BearerAdoption.adoptable(found, profile);
            if (adopted.isPresent()) {
                status.event(scheduler.now(), EventKinds.CONNECT, BearerAdoption.ADOPTED);
                bearerUp.accept(adopted.get());
            } else {
                session.await(session.modem().connect(profile, connectPolicy.allowRoaming(desired.get().config())),
                        bearerUp);
            }
        });
    }

    private void bearerUp(BearerProfile profile, BearerSettings settings) {
        Desired wanted = desired.get();
        String iface = bearer.interfaceFor(wanted);
        try {
            if (!bearer.up(settings, iface, wanted.config())) {
                status.event(scheduler.now(), EventKinds.CONNECT,
                        "no network interface known; IP settings not applied");
            }
        } catch (IOException e) {
            failed.accept(new ModemException(ModemException.Kind.IO, "applying IP settings on " + iface + ": "
                    + e.getMessage(), e));
            return;
        }
        status.connected(profile.apn(), scheduler.now(), settings);
        lifecycle.enter(SupervisorState.CONNECTED, "bearer up");
    }
}
