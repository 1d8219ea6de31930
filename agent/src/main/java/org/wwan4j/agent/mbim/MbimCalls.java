package org.wwan4j.agent.mbim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wwan4j.glib.LoopFuture;

/**
 * Bounds one MBIM request by the {@link org.wwan4j.agent.modem.Modem} contract and maps its failure. libmbim's own
 * timeout is set to the longest bound (a scan), so each request gets its own, shorter bound here; when that runs
 * out the request is cancelled, which cancels its GCancellable, so nothing is left pending.
 */
final class MbimCalls {

    private MbimCalls() {
    }

    /**
     * The request's result on a callback thread (never the GLib loop thread: LoopFuture runs its dependents
     * elsewhere, and the timeout fires on the JDK's delayer thread), or a ModemException.
     */
    static <T> CompletableFuture<T> bounded(LoopFuture<T> request, Duration bound, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        request.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(MbimErrors.toModemException(error, what));
            }
        });
        result.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, error) -> {
            if (error instanceof TimeoutException) {
                request.cancel(true);
            }
        });
        return result.exceptionallyCompose(error -> CompletableFuture.failedFuture(
                MbimErrors.toModemException(error, what)));
    }

    /**
     * A chain of several requests (open, connect, SIM listing) bounded as a whole. The bound applies to a copy,
     * so the chain itself still completes later and whoever needs its late result (to close a device opened
     * after we gave up) can have it.
     */
    static <T> CompletableFuture<T> boundedChain(CompletableFuture<T> chain, Duration bound, String what) {
        return chain.copy().orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        MbimErrors.toModemException(error, what)));
    }
}
