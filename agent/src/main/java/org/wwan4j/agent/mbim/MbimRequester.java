package org.wwan4j.agent.mbim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.LoopFuture;

/** Sends one request of a modem unless it is closed, bounded and with its failure mapped (see {@link MbimCalls}). */
final class MbimRequester {

    private final BooleanSupplier closed;

    MbimRequester(BooleanSupplier closed) {
        this.closed = closed;
    }

    <T> CompletableFuture<T> call(Supplier<LoopFuture<T>> request, Duration bound, String what) {
        if (closed.getAsBoolean()) {
            return CompletableFuture.failedFuture(new ModemException(Kind.CLOSED, what + ": modem closed"));
        }
        LoopFuture<T> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(MbimErrors.toModemException(e, what));
        }
        return MbimCalls.bounded(sent, bound, what);
    }
}
