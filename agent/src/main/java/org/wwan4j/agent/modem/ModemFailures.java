package org.wwan4j.agent.modem;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.ClosedException;

/**
 * The protocol-neutral half of turning a failure into a {@link ModemException}, shared by the QMI and MBIM mappers so
 * that a closed device, a deadline and a cancellation mean the same on both:
 * <ul>
 * <li>the device was closed or went away ({@link ClosedException}, whose subclasses are the protocols' "device
 *     removed"): {@link Kind#CLOSED};</li>
 * <li>a deadline passed: {@link Kind#TIMEOUT}. The bindings report a deadline as the protocol's core TIMEOUT error
 *     (mapped by each protocol's mapper); a {@link TimeoutException} from a bound of our own maps here;</li>
 * <li>the call was cancelled ({@link CancellationException}): {@link Kind#CLOSED}. Neither the bindings nor the
 *     agent cancel a call to say it timed out (a deadline fails it with TIMEOUT first); a bare cancellation means
 *     whoever owned the call gave it up, closing or dropping the modem, so nothing more will come of it. It is never
 *     counted as a TIMEOUT: it says nothing about a stuck control plane.</li>
 * </ul>
 */
public final class ModemFailures {

    private ModemFailures() {
    }

    /** The ModemException for a protocol-neutral failure, or null when the protocol's mapper must decide. */
    public static ModemException common(String what, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ModemException e) {
            return e;
        }
        if (t instanceof ClosedException) {
            return new ModemException(Kind.CLOSED, what + ": " + t.getMessage(), t);
        }
        if (t instanceof TimeoutException) {
            return new ModemException(Kind.TIMEOUT, what + ": timed out", t);
        }
        if (t instanceof CancellationException) {
            return new ModemException(Kind.CLOSED, what + ": cancelled", t);
        }
        return null;
    }

    /** The failure inside the CompletionException/ExecutionException wrappers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
