package org.wwan4j.agent.modem;

/**
 * Why a modem request failed, in terms the supervisor can act on. Implementations wrap their protocol errors
 * (QmiException, MbimException...) as the cause and keep the modem's own message.
 */
public final class ModemException extends RuntimeException {

    /** What the supervisor does differs per kind, so the kind is part of the contract. */
    public enum Kind {
        /** No answer within the request's bound: the control plane may be stuck. */
        TIMEOUT,
        /** The modem answered with an error (wrong APN, not registered, operation not allowed...). */
        REJECTED,
        /** The modem or its firmware cannot do this (no eSIM, no GNSS, no slot switching). */
        UNSUPPORTED,
        /** The SIM blocks the request: absent, PIN-locked, failed; or it rejected a PIN. */
        SIM,
        /**
         * The radio refuses to come on the way an FCC-locked modem refuses (QMI: Set Operating Mode online answered
         * InvalidTransition or Internal; MBIM: radio on answered OperationNotAllowed or Failure): an unlock may help.
         */
        RADIO_LOCKED,
        /** The device is closed or gone; nothing more will work on this instance. */
        CLOSED,
        /** Transport error talking to the device. */
        IO
    }

    private final Kind kind;

    public ModemException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModemException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The ModemException inside a CompletionException chain, or an IO kind wrapping anything else. */
    public static ModemException of(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof ModemException e) {
                return e;
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                return new ModemException(Kind.TIMEOUT, "timed out", t);
            }
            t = t.getCause();
        }
        return new ModemException(Kind.IO, String.valueOf(failure), failure);
    }
}
