package org.wwan4j.agent.mbim;

import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.modem.ModemFailures;
import org.wwan4j.mbim.CoreError;
import org.wwan4j.mbim.MbimCoreException;
import org.wwan4j.mbim.MbimProtocolException;
import org.wwan4j.mbim.MbimStatusException;
import org.wwan4j.mbim.StatusError;

/**
 * Turns what libmbim (through the MBIM API) fails with into the {@link ModemException} kind the supervisor acts
 * on: closed, deadline and cancellation as {@link ModemFailures} says for both protocols, then MBIM's own status,
 * core and protocol errors. Messages name the request and the modem's status, never request arguments (they may
 * hold a password).
 */
final class MbimErrors {

    private MbimErrors() {
    }

    static ModemException toModemException(Throwable failure, String what) {
        ModemException common = ModemFailures.common(what, failure);
        if (common != null) {
            return common;
        }
        Throwable cause = ModemFailures.unwrap(failure);
        if (cause instanceof MbimStatusException status) {
            StatusError error = status.error().constant();
            return new ModemException(kindOf(error), what + ": " + (error == null ? "status " + status.code()
                    : error.name()) + " (" + status.getMessage() + ")", cause);
        }
        if (cause instanceof MbimCoreException core) {
            return new ModemException(coreKind(core.error().constant()), what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof MbimProtocolException) {
            return new ModemException(Kind.IO, what + ": " + cause.getMessage(), cause);
        }
        return new ModemException(Kind.IO, what + ": " + cause, cause);
    }

    /** libmbim's own failures: as QMI's core errors (a timeout, no support, a device that is not open). */
    static Kind coreKind(CoreError error) {
        if (error == null) {
            return Kind.IO;
        }
        return switch (error) {
            case TIMEOUT -> Kind.TIMEOUT;
            case UNSUPPORTED -> Kind.UNSUPPORTED;
            case WRONG_STATE -> Kind.CLOSED;
            default -> Kind.IO;
        };
    }

    /** Status errors split by who can fix them: the SIM, nobody (no support), or the network/request. */
    static Kind kindOf(StatusError error) {
        if (error == null) {
            return Kind.REJECTED;
        }
        return switch (error) {
            case SIM_NOT_INSERTED, BAD_SIM, PIN_REQUIRED, NOT_INITIALIZED -> Kind.SIM;
            case NO_DEVICE_SUPPORT -> Kind.UNSUPPORTED;
            default -> Kind.REJECTED;
        };
    }

    /** True when the modem answered that it does not implement the request at all. */
    static boolean isUnsupported(Throwable failure) {
        Throwable cause = ModemFailures.unwrap(failure);
        if (cause instanceof ModemException modem) {
            return modem.kind() == Kind.UNSUPPORTED;
        }
        return cause instanceof MbimStatusException status && status.error().is(StatusError.NO_DEVICE_SUPPORT);
    }
}
