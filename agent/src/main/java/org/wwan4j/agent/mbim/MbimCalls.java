package org.wwan4j.agent.mbim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.RequestDeadlines;

/**
 * Maps what an MBIM request fails with to a {@link ModemException}, and bounds chains of requests. A single request
 * is bounded by its own timeout in the bindings (libmbim's, then the Java-side deadline), so it needs nothing here;
 * a chain (open, connect, SIM listing) gets one bound as a whole, from the same deadline mechanism.
 */
final class MbimCalls {

    private MbimCalls() {
    }

    /**
     * The request's result, or its failure as a ModemException. Dependent stages run on the bindings' callback
     * threads, never on the GLib loop thread ({@link LoopFuture} hands every dependent to them).
     */
    static <T> CompletableFuture<T> mapped(LoopFuture<T> request, String what) {
        return request.exceptionallyCompose(error -> CompletableFuture.failedFuture(
                MbimErrors.toModemException(error, what)));
    }

    /**
     * A chain of several requests bounded as a whole: TIMEOUT once {@code bound} has passed. The bound applies to a
     * copy, so the chain itself still completes later and whoever needs its late result (to close a device opened
     * after we gave up) can have it.
     */
    static <T> CompletableFuture<T> boundedChain(CompletableFuture<T> chain, Duration bound, String what) {
        return RequestDeadlines.bound(chain.copy(), bound,
                        () -> new ModemException(Kind.TIMEOUT, what + ": not done within " + bound))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        MbimErrors.toModemException(error, what)));
    }
}
