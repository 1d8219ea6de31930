package org.wwan4j.agent.supervisor;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.quirks.ModemQuirks;
import org.wwan4j.agent.status.FccUnlockState;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.UnlockStatus;

/**
 * Turns the radio on, FCC-unlocking the modem when it refuses the way a locked one does, as ModemManager does: ask
 * for online; on a {@link ModemException.Kind#RADIO_LOCKED} refusal run the unlock (the config's method, else the
 * vendor table's for the modem's id, else the generic QMI one), then ask for online once more. Never more than one
 * unlock per power-up: a modem the unlock did not help stays offline, with status saying why, until the config
 * changes.
 *
 * <p>Owned by the supervisor's thread.
 */
final class FccUnlockStep {

    /** What {@code auto} sends to a modem the vendor table does not know: the message most locked modems take. */
    static final FccUnlock GENERIC = FccUnlock.QMI_DMS;

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final ModemSession session;
    private final Supplier<Desired> desired;
    private final Supplier<ModemQuirks> quirks;

    FccUnlockStep(Scheduler scheduler, ModemStatusBuilder status, ModemSession session, Supplier<Desired> desired,
            Supplier<ModemQuirks> quirks) {
        this.scheduler = scheduler;
        this.status = status;
        this.session = session;
        this.desired = desired;
        this.quirks = quirks;
    }

    /**
     * @param online  runs once the radio is on
     * @param blocked told why the radio stays off when the lock cannot be opened (a problem for the user)
     */
    void powerUp(Runnable online, Consumer<String> blocked) {
        Modem modem = session.modem();
        session.await(refusal(modem.setPower(Power.ONLINE)), failure -> {
            if (failure == null) {
                radioOn(online);
            } else {
                locked(modem, failure, online, blocked);
            }
        });
    }

    private void locked(Modem modem, ModemException refusal, Runnable online, Consumer<String> blocked) {
        FccUnlock setting = desired.get().config().unlock().fccUnlock();
        if (setting == FccUnlock.OFF) {
            String why = "radio is FCC-locked and fccUnlock is off: " + refusal.getMessage();
            status.fcc = new UnlockStatus.FccUnlock(FccUnlockState.LOCKED, null, why);
            blocked.accept(why);
            return;
        }
        FccUnlock method = method(setting, quirks.get());
        status.event(scheduler.now(), EventKinds.RADIO, "radio refused to come on (" + refusal.getMessage()
                + "); FCC unlock with " + method.jsonName());
        session.await(failureOf(modem.fccUnlock(method)), unlockFailure -> {
            if (unlockFailure != null) {
                failed(method, "FCC unlock " + method.jsonName() + " failed: " + unlockFailure.getMessage(), blocked);
                return;
            }
            session.await(refusal(modem.setPower(Power.ONLINE)), again -> {
                if (again != null) {
                    failed(method, "radio still refuses to come on after FCC unlock " + method.jsonName() + ": "
                            + again.getMessage(), blocked);
                    return;
                }
                status.fcc = new UnlockStatus.FccUnlock(FccUnlockState.UNLOCKED, method.jsonName(),
                        "FCC unlock " + method.jsonName() + " brought the radio on");
                status.event(scheduler.now(), EventKinds.RADIO, status.fcc.message());
                radioOn(online);
            });
        });
    }

    /** The config's method, else the table's for this model, else the generic one (only ever after a refusal). */
    static FccUnlock method(FccUnlock setting, ModemQuirks quirks) {
        if (setting.isMethod()) {
            return setting;
        }
        return quirks.fccUnlock() != null ? quirks.fccUnlock() : GENERIC;
    }

    private void failed(FccUnlock method, String why, Consumer<String> blocked) {
        status.fcc = new UnlockStatus.FccUnlock(FccUnlockState.FAILED, method.jsonName(), why);
        blocked.accept(why);
    }

    private void radioOn(Runnable online) {
        status.power = Power.ONLINE;
        status.event(scheduler.now(), EventKinds.RADIO, "radio on");
        online.run();
    }

    /** Null when the radio came on; the refusal when it is locked; any other failure fails the step as before. */
    private static CompletableFuture<ModemException> refusal(CompletableFuture<Void> request) {
        return request.handle((ok, failure) -> {
            if (failure == null) {
                return null;
            }
            ModemException e = ModemException.of(failure);
            if (e.kind() != ModemException.Kind.RADIO_LOCKED) {
                throw e;
            }
            return e;
        });
    }

    /**
     * Null on success; the failure when the modem answered (refused, unsupported): reported, not recovered from. No
     * answer or a port gone fails the step like any request, so recovery handles it.
     */
    private static CompletableFuture<ModemException> failureOf(CompletableFuture<Void> request) {
        return request.handle((ok, failure) -> {
            if (failure == null) {
                return null;
            }
            ModemException e = ModemException.of(failure);
            if (e.kind() == ModemException.Kind.TIMEOUT || e.kind() == ModemException.Kind.CLOSED
                    || e.kind() == ModemException.Kind.IO) {
                throw e;
            }
            return e;
        });
    }
}
