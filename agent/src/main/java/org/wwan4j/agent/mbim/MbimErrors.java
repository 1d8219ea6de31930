package org.wwan4j.agent.mbim;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.mbim.CoreError;
import org.wwan4j.mbim.MbimCoreException;
import org.wwan4j.mbim.MbimDeviceRemovedException;
import org.wwan4j.mbim.MbimProtocolException;
import org.wwan4j.mbim.MbimStatusException;
import org.wwan4j.mbim.StatusError;

/**
 * Turns what libmbim (through the MBIM API) fails with into the {@link ModemException} kind the supervisor acts
 * on. Messages name the request and the modem's status, never request arguments (they may hold a password).
 */
final class MbimErrors {

    private MbimErrors() {
    }

    static ModemException toModemException(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ModemException modem) {
            return modem;
        }
        if (cause instanceof MbimDeviceRemovedException) {
            return new ModemException(Kind.CLOSED, what + ": device removed", cause);
        }
        if (cause instanceof TimeoutException || cause instanceof CancellationException) {
            return new ModemException(Kind.TIMEOUT, what + ": no answer in time", cause);
        }
        if (cause instanceof MbimStatusException status) {
            StatusError error = status.error().constant();
            return new ModemException(kindOf(error), what + ": " + (error == null ? "status " + status.code()
                    : error.name()) + " (" + status.getMessage() + ")", cause);
        }
        if (cause instanceof MbimCoreException core) {
            CoreError error = core.error().constant();
            Kind kind = error == CoreError.TIMEOUT ? Kind.TIMEOUT
                    : error == CoreError.UNSUPPORTED ? Kind.UNSUPPORTED : Kind.IO;
            return new ModemException(kind, what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof MbimProtocolException) {
            return new ModemException(Kind.IO, what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).endsWith("is closed")) {
            // MbimDevice refuses requests after close(): the same as our own closed state.
            return new ModemException(Kind.CLOSED, what + ": device closed", cause);
        }
        return new ModemException(Kind.IO, what + ": " + cause, cause);
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
        Throwable cause = unwrap(failure);
        if (cause instanceof ModemException modem) {
            return modem.kind() == Kind.UNSUPPORTED;
        }
        return cause instanceof MbimStatusException status && status.error().is(StatusError.NO_DEVICE_SUPPORT);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
