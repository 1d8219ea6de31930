package org.wwan4j.agent.mbim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.LoopFuture;

/**
 * Sends one request of a modem unless it is closed, with its bound as the request's timeout, and maps its failure
 * (see {@link MbimCalls}). The bound reaches libmbim and the bindings' Java-side deadline, as for QMI: no timer
 * of our own per request.
 */
final class MbimRequester {

    private final BooleanSupplier closed;

    MbimRequester(BooleanSupplier closed) {
        this.closed = closed;
    }

    /** @param request sends the request with the timeout it is given */
    <T> CompletableFuture<T> call(Function<Duration, LoopFuture<T>> request, Duration bound, String what) {
        if (closed.getAsBoolean()) {
            return CompletableFuture.failedFuture(new ModemException(Kind.CLOSED, what + ": modem closed"));
        }
        LoopFuture<T> sent;
        try {
            sent = request.apply(bound);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(MbimErrors.toModemException(e, what));
        }
        return MbimCalls.mapped(sent, what);
    }
}
