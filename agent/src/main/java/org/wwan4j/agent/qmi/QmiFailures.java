package org.wwan4j.agent.qmi;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.qmi.CoreError;
import org.wwan4j.qmi.ProtocolError;
import org.wwan4j.qmi.QmiCoreException;
import org.wwan4j.qmi.QmiDeviceRemovedException;
import org.wwan4j.qmi.QmiProtocolException;

/**
 * Translates libqmi failures into the {@link ModemException} kinds the supervisor acts on. The modem's own message
 * is kept; request inputs never appear in it (libqmi's messages name the error, not the TLVs sent).
 */
final class QmiFailures {

    private QmiFailures() {
    }

    static ModemException map(String what, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ModemException e) {
            return e;
        }
        if (t instanceof QmiDeviceRemovedException) {
            return new ModemException(Kind.CLOSED, what + ": device removed", t);
        }
        if (t instanceof QmiCoreException e) {
            return new ModemException(coreKind(e.error().constant()), what + ": " + e.getMessage(), t);
        }
        if (t instanceof QmiProtocolException e) {
            return new ModemException(protocolKind(e.error().constant()), what + ": " + e.getMessage(), t);
        }
        if (t instanceof TimeoutException) {
            return new ModemException(Kind.TIMEOUT, what + ": timed out", t);
        }
        if (t instanceof CancellationException) {
            return new ModemException(Kind.CLOSED, what + ": cancelled", t);
        }
        return new ModemException(Kind.IO, what + ": " + t, t);
    }

    /**
     * Whether the modem refused a client ID it does not know: a CID kept in the state dir from before a modem reboot
     * (or from another modem on the same path).
     */
    static boolean staleClientId(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ModemException && t.getCause() != null) {
            t = unwrap(t.getCause());
        }
        return t instanceof QmiProtocolException e && e.error().is(ProtocolError.INVALIDCLIENTID);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Kind coreKind(CoreError error) {
        if (error == null) {
            return Kind.IO;
        }
        return switch (error) {
            case TIMEOUT -> Kind.TIMEOUT;
            case UNSUPPORTED -> Kind.UNSUPPORTED;
            case WRONGSTATE -> Kind.CLOSED;
            default -> Kind.IO;
        };
    }

    /** Null (a code libqmi does not know) is a plain rejection: the modem answered, just not with success. */
    static Kind protocolKind(ProtocolError error) {
        if (error == null) {
            return Kind.REJECTED;
        }
        return switch (error) {
            case INVALIDQMICOMMAND, NOTSUPPORTED, DEVICEUNSUPPORTED, NETWORKUNSUPPORTED, INVALIDSERVICETYPE,
                 REQUESTEDNUMBERUNSUPPORTED -> Kind.UNSUPPORTED;
            case UIMUNINITIALIZED, NOSIM, PINBLOCKED, PINALWAYSBLOCKED, INCORRECTPIN, SIMFILENOTFOUND,
                 PINRESTRICTION, PIN1RESTRICTION, PUKRESTRICTION, PUK2RESTRICTION, NOSUBSCRIPTION -> Kind.SIM;
            default -> Kind.REJECTED;
        };
    }
}
