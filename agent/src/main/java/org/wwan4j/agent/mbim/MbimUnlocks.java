package org.wwan4j.agent.mbim;

import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.modem.ModemFailures;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.SimLockState;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.MbimDevice;
import org.wwan4j.mbim.MbimStatusException;
import org.wwan4j.mbim.PinOperation;
import org.wwan4j.mbim.PinState;
import org.wwan4j.mbim.PinType;
import org.wwan4j.mbim.Quectel;
import org.wwan4j.mbim.QuectelRadioSwitchState;
import org.wwan4j.mbim.StatusError;

/**
 * The locks of an MBIM modem: a radio that will not come on (FCC), the Quectel unlock libmbim 1.28 can send, and the
 * SIM's PIN1 through BASIC_CONNECT PIN. libmbim has no generic FCC unlock; a model whose unlock is a QMI message (the
 * Foxconn ones) needs QMI over MBIM, which this class does not speak.
 */
final class MbimUnlocks {

    private final MbimDevice device;
    private final BasicConnect basic;
    private final MbimRequester requester;

    MbimUnlocks(MbimDevice device, BasicConnect basic, MbimRequester requester) {
        this.device = device;
        this.basic = basic;
        this.requester = requester;
    }

    /**
     * What a failed radio-on means: OperationNotAllowed or Failure is how locked modems refuse (ModemManager reads
     * OperationNotAllowed the same way); anything else is an ordinary failure.
     */
    static Throwable radioOnFailure(Throwable failure) {
        ModemException mapped = MbimErrors.toModemException(failure, "set radio state on");
        MbimStatusException status = statusOf(failure);
        if (status != null
                && (status.error().is(StatusError.OPERATION_NOT_ALLOWED) || status.error().is(StatusError.FAILURE))) {
            return new ModemException(Kind.RADIO_LOCKED, mapped.getMessage() + " (the modem may be FCC-locked)",
                    status);
        }
        return mapped;
    }

    /** The modem's status error behind a failure (requests come back already mapped, with it as the cause). */
    private static MbimStatusException statusOf(Throwable failure) {
        for (Throwable t = ModemFailures.unwrap(failure); t != null; t = t.getCause()) {
            if (t instanceof MbimStatusException status) {
                return status;
            }
        }
        return null;
    }

    CompletableFuture<Void> fccUnlock(FccUnlock method) {
        if (method != FccUnlock.MBIM_QUECTEL) {
            return CompletableFuture.failedFuture(new ModemException(Kind.UNSUPPORTED, "FCC unlock "
                    + method.jsonName() + " cannot be sent over MBIM"
                    + (method.protocol() == null ? "" : " (it is a " + method.protocol().jsonName() + " message)")));
        }
        Quectel quectel = new Quectel(device);
        return requester.call(timeout -> quectel.setRadioState(QuectelRadioSwitchState.ON, timeout),
                Modem.REQUEST_TIMEOUT, "Quectel set radio state on").thenApply(r -> null);
    }

    CompletableFuture<SimLock> lock() {
        return requester.call(basic::queryPin, Modem.REQUEST_TIMEOUT, "PIN query").thenApply(MbimUnlocks::lock);
    }

    static SimLock lock(BasicConnect.PinResponse pin) {
        boolean locked = pin.pinState() != null && pin.pinState().is(PinState.LOCKED);
        Integer attempts = (int) pin.remainingAttempts();
        if (!locked) {
            return new SimLock(SimLockState.UNLOCKED, null, null);
        }
        PinType type = pin.pinType() == null ? null : pin.pinType().constant();
        if (type == PinType.PIN1) {
            return new SimLock(SimLockState.PIN_REQUIRED, attempts, null);
        }
        if (type == PinType.PUK1) {
            return new SimLock(attempts == 0 ? SimLockState.BLOCKED : SimLockState.PUK_REQUIRED, 0, attempts);
        }
        return new SimLock(SimLockState.UNKNOWN, null, null);
    }

    /** PIN1 enter; any answer but success from the card is a rejected PIN (MBIM says Failure, with no detail). */
    CompletableFuture<Void> enterPin(String pin) {
        BasicConnect.PinSetRequest request = BasicConnect.PinSetRequest.builder().pinType(PinType.PIN1)
                .pinOperation(PinOperation.ENTER).pin(pin).newPin("").build();
        return requester.call(timeout -> basic.setPin(request, timeout), Modem.REQUEST_TIMEOUT, "PIN enter")
                .<Void>thenApply(r -> null)
                .exceptionallyCompose(failure -> {
                    ModemException e = ModemException.of(failure);
                    return CompletableFuture.failedFuture(e.kind() == Kind.REJECTED
                            ? new ModemException(Kind.SIM, "the SIM rejected the PIN: " + e.getMessage(), e) : e);
                });
    }
}
