package org.wwan4j.agent.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.wwan4j.agent.config.PasswordFiles;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.SimLockState;

/**
 * Opens a PIN-locked SIM with the PIN in the modem's {@code simPinFile}, at most once per PIN and card: a PIN the
 * SIM rejected is remembered ({@link RejectedPins}, across restarts with a state dir) and not entered again until the file holds another PIN or another
 * SIM is in, because every wrong try brings the card closer to needing its PUK. A PUK-blocked card is reported as
 * such and left alone: the agent never enters a PUK. The PIN is read from the file at each unlock and never logged
 * or put in status; messages name the file.
 *
 * <p>Owned by the supervisor's thread.
 */
final class SimPinStep {

    /** What a SIM PIN is (3GPP TS 31.101: 4 to 8 digits); anything else is refused before the card sees it. */
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    static final String WHAT = "SIM PIN file";

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final ModemSession session;
    private final Supplier<Desired> desired;
    private final RejectedPins rejected;

    SimPinStep(Scheduler scheduler, ModemStatusBuilder status, ModemSession session, Supplier<Desired> desired,
            RejectedPins rejected) {
        this.scheduler = scheduler;
        this.rejected = rejected;
        this.status = status;
        this.session = session;
        this.desired = desired;
    }

    /**
     * @param sim      the locked card
     * @param unlocked runs once the SIM took the PIN
     * @param blocked  told why the SIM stays locked
     */
    void unlock(Sim sim, Runnable unlocked, Consumer<String> blocked) {
        Modem modem = session.modem();
        session.await(modem.simLock(), lock -> {
            status.simLock = lock;
            switch (lock.state()) {
                case PUK_REQUIRED -> blocked.accept("SIM card is PUK-blocked (" + attempts(lock.pukRetries(), "PUK")
                        + "); the agent never enters a PUK");
                case BLOCKED -> blocked.accept("SIM card is permanently blocked");
                case UNLOCKED -> blocked.accept("SIM card is locked by something other than its PIN");
                case PIN_REQUIRED, UNKNOWN -> enter(modem, sim, lock, unlocked, blocked);
            }
        });
    }

    private void enter(Modem modem, Sim sim, SimLock lock, Runnable unlocked, Consumer<String> blocked) {
        Path file = desired.get().config().unlock().simPinFile();
        if (file == null) {
            blocked.accept("SIM card is PIN-locked (" + attempts(lock.pinRetries(), "PIN") + "); set simPinFile");
            return;
        }
        String pin;
        try {
            pin = PasswordFiles.read(file, WHAT);
        } catch (IOException e) {
            blocked.accept(WHAT + ": " + e.getMessage());
            return;
        }
        if (!PIN.matcher(pin).matches()) {
            blocked.accept(WHAT + " " + file + " does not hold a PIN (4 to 8 digits); not entered");
            return;
        }
        if (rejected.wasRejected(sim.iccid(), pin)) {
            blocked.accept("SIM rejected the PIN in " + file + " before (" + attempts(lock.pinRetries(), "PIN")
                    + "); not entered again until the file or the SIM changes");
            return;
        }
        session.await(answer(modem.enterPin(pin)), failure -> {
            if (failure == null) {
                status.pinAttempt = "accepted";
                status.simLock = new SimLock(SimLockState.UNLOCKED, null, null);
                status.event(scheduler.now(), EventKinds.SIM, "SIM PIN from " + file + " accepted");
                unlocked.run();
                return;
            }
            rejected.reject(sim.iccid(), pin);
            status.pinAttempt = "rejected";
            status.event(scheduler.now(), EventKinds.SIM, "SIM rejected the PIN in " + file);
            // The attempts left, for status; if the modem cannot tell, the rejection stands without them.
            CompletableFuture<SimLock> after = modem.simLock().exceptionally(unknown -> null);
            session.await(after, now -> {
                if (now != null) {
                    status.simLock = now;
                }
                SimLock shown = now != null ? now : lock;
                blocked.accept("SIM rejected the PIN in " + file + " (" + (shown.state() == SimLockState.PUK_REQUIRED
                        ? "now PUK-blocked" : attempts(shown.pinRetries(), "PIN")) + ")");
            });
        });
    }

    /**
     * Whether a modem held back by its SIM's PIN is worth another try: the PIN file now holds a PIN this SIM has not
     * rejected. Read on the failed state's safety tick, so a fixed file is picked up without a config change.
     */
    boolean pinFileChanged(Sim sim) {
        Path file = desired.get().managed() ? desired.get().config().unlock().simPinFile() : null;
        if (file == null || sim == null || status.simLock == null
                || status.simLock.state() != SimLockState.PIN_REQUIRED) {
            return false;
        }
        try {
            String pin = PasswordFiles.read(file, WHAT);
            return PIN.matcher(pin).matches() && !rejected.wasRejected(sim.iccid(), pin);
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when the SIM took the PIN; the failure when it refused it; anything else fails the step. */
    private static CompletableFuture<ModemException> answer(CompletableFuture<Void> request) {
        return request.handle((ok, failure) -> {
            if (failure == null) {
                return null;
            }
            ModemException e = ModemException.of(failure);
            if (e.kind() != ModemException.Kind.SIM && e.kind() != ModemException.Kind.REJECTED) {
                throw e;
            }
            return e;
        });
    }

    private static String attempts(Integer left, String what) {
        return left == null ? what + " attempts left unknown" : left + " " + what + " attempt" + (left == 1 ? "" : "s")
                + " left";
    }
}
