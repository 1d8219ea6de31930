package org.wwan4j.agent.qmi;

import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.modem.ModemFailures;
import org.wwan4j.qmi.CoreError;
import org.wwan4j.qmi.ProtocolError;
import org.wwan4j.qmi.QmiCoreException;
import org.wwan4j.qmi.QmiProtocolException;

/**
 * Translates libqmi failures into the {@link ModemException} kinds the supervisor acts on: closed, deadline and
 * cancellation as {@link ModemFailures} says for both protocols, then QMI's own core and protocol errors. The
 * modem's own message is kept; request inputs never appear in it (libqmi's messages name the error, not the TLVs
 * sent).
 */
final class QmiFailures {

    private QmiFailures() {
    }

    static ModemException map(String what, Throwable failure) {
        ModemException common = ModemFailures.common(what, failure);
        if (common != null) {
            return common;
        }
        Throwable t = ModemFailures.unwrap(failure);
        if (t instanceof QmiCoreException e) {
            return new ModemException(coreKind(e.error().constant()), what + ": " + e.getMessage(), t);
        }
        if (t instanceof QmiProtocolException e) {
            return new ModemException(protocolKind(e.error().constant()), what + ": " + e.getMessage(), t);
        }
        return new ModemException(Kind.IO, what + ": " + t, t);
    }

    /**
     * Whether the modem refused a client ID it does not know: a CID kept in the state dir from before a modem reboot
     * (or from another modem on the same path).
     */
    static boolean staleClientId(Throwable failure) {
        Throwable t = ModemFailures.unwrap(failure);
        if (t instanceof ModemException && t.getCause() != null) {
            t = ModemFailures.unwrap(t.getCause());
        }
        return t instanceof QmiProtocolException e && e.error().is(ProtocolError.INVALID_CLIENT_ID);
    }

    /** Whether the modem said the request changed nothing (e.g. switching to the slot already active). */
    static boolean noEffect(Throwable failure) {
        return ModemFailures.unwrap(failure) instanceof QmiProtocolException e
                && e.error().is(ProtocolError.NO_EFFECT);
    }

    private static Kind coreKind(CoreError error) {
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

    /** Null (a code libqmi does not know) is a plain rejection: the modem answered, just not with success. */
    static Kind protocolKind(ProtocolError error) {
        if (error == null) {
            return Kind.REJECTED;
        }
        return switch (error) {
            case INVALID_QMI_COMMAND, NOT_SUPPORTED, DEVICE_UNSUPPORTED, NETWORK_UNSUPPORTED, INVALID_SERVICE_TYPE,
                 REQUESTED_NUMBER_UNSUPPORTED -> Kind.UNSUPPORTED;
            case UIM_UNINITIALIZED, NO_SIM, PIN_BLOCKED, PIN_ALWAYS_BLOCKED, INCORRECT_PIN, SIM_FILE_NOT_FOUND,
                 PIN_RESTRICTION, PIN2_RESTRICTION, PUK_RESTRICTION, PUK2_RESTRICTION, NO_SUBSCRIPTION -> Kind.SIM;
            default -> Kind.REJECTED;
        };
    }
}
