package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_cancellable_cancel;
import static org.wwan4j.glib.ffi.glib_h.g_cancellable_new;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one GIO-style asynchronous operation ({@code foo(..., GCancellable*, GAsyncReadyCallback, gpointer)} plus
 * {@code foo_finish(..., GAsyncResult*, GError**)}) and returns its result as a {@link LoopFuture}.
 *
 * <p>The operation starts on the thread that owns the loop's context (the loop thread, or a caller that runs the
 * context itself, see {@link MainLoopThread}), so its callback fires in that context. {@code _finish} runs inside the callback,
 * because the {@code GAsyncResult} dies when the callback returns; the finisher copies what it needs into Java
 * objects before returning. Cancelling the future cancels the operation's {@code GCancellable}.
 */
public final class AsyncCall {

    /** Starts the operation: passes the cancellable, {@link Upcalls#POINTER_PAIR} and the user data given. */
    @FunctionalInterface
    public interface Starter {
        void start(MemorySegment cancellable, MemorySegment callback, MemorySegment userData);
    }

    /**
     * Calls {@code _finish} with the result and the {@code GError**} slot given, and copies the outcome into a Java
     * value. When {@code _finish} fails it leaves the error in the slot and may return anything (null).
     */
    @FunctionalInterface
    public interface Finisher<T> {
        T finish(MemorySegment sourceObject, MemorySegment result, MemorySegment errorSlot);
    }

    private AsyncCall() {}

    public static <T> LoopFuture<T> start(MainLoopThread loop, Starter starter, Finisher<T> finisher) {
        LoopFuture<T> future = new LoopFuture<>(loop);
        try {
            loop.execute(() -> begin(loop, starter, finisher, future));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new ClosedException("the GLib loop thread is closed", e));
        }
        return future;
    }

    private static <T> void begin(MainLoopThread loop, Starter starter, Finisher<T> finisher, LoopFuture<T> future) {
        if (future.isDone()) {
            return; // cancelled before it could start
        }
        MemorySegment cancellable = g_cancellable_new();
        // The completion below and the cancel task both run by the context's owner, one thread at a time under its
        // ownership lock, so `finished` needs no locking of its own.
        boolean[] finished = {false};
        MemorySegment userData = Upcalls.once((source, result) -> {
            finished[0] = true;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errorSlot = GErrors.newSlot(arena);
                T value = finisher.finish(source, result, errorSlot);
                RuntimeException error = GErrors.take(errorSlot);
                if (error != null) {
                    future.completeExceptionally(error);
                } else {
                    future.complete(value);
                }
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                g_object_unref(cancellable);
            }
        });
        future.onCancel(() -> loop.execute(() -> {
            if (!finished[0]) {
                g_cancellable_cancel(cancellable);
            }
        }));
        try {
            starter.start(cancellable, Upcalls.POINTER_PAIR, userData);
        } catch (Throwable t) {
            Upcalls.forget(userData);
            finished[0] = true;
            g_object_unref(cancellable);
            future.completeExceptionally(t);
        }
    }
}
