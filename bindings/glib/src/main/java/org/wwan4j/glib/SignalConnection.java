package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_signal_connect_data;
import static org.wwan4j.glib.ffi.glib_h.g_signal_handler_disconnect;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One GObject signal connected to a Java handler: libqmi indications, libqmi/libmbim "device-removed", libmbim
 * "device-indicate-status". QMI and MBIM connect every signal through here.
 *
 * <p>The handler goes through the shared upcall stub of its C shape ({@link Upcalls#POINTER_PAIR} for
 * {@code (instance, argument, user_data)}, {@link Upcalls#POINTER} for {@code (instance, user_data)}); the
 * {@code user_data} names it in the registry, and {@link Upcalls#DESTROY_NOTIFY} forgets it when GLib drops the
 * closure (on disconnect, or when the object is finalized). The handler runs on the loop thread, inside the
 * emission: it must copy what it needs before returning and hand user code to another thread.
 *
 * <p>{@link #close()} disconnects on the loop thread, and only while our reference is still held: an owner that
 * closes its connections and then its {@link GObjectRef} has them disconnected before the unref, from any thread;
 * a connection closed after the reference was released leaves the object alone (it may be gone; if libqmi or
 * libmbim still holds it, GLib drops the closure when it is finalized). Idempotent; never throws.
 */
public final class SignalConnection implements AutoCloseable {

    private final MainLoopThread loop;
    private final GObjectRef instance;
    private final long handlerId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SignalConnection(MainLoopThread loop, GObjectRef instance, long handlerId) {
        this.loop = loop;
        this.instance = instance;
        this.handlerId = handlerId;
    }

    /** Connects a handler of C shape {@code void (*)(gpointer instance, gpointer argument, gpointer user_data)}. */
    public static SignalConnection connect(MainLoopThread loop, GObjectRef instance, String signal,
                                           Upcalls.PointerPairHandler handler, Duration timeout) {
        return connect(loop, instance, signal, Upcalls.POINTER_PAIR, handler, timeout);
    }

    /** Connects a handler of C shape {@code void (*)(gpointer instance, gpointer user_data)}. */
    public static SignalConnection connect(MainLoopThread loop, GObjectRef instance, String signal,
                                           Upcalls.PointerHandler handler, Duration timeout) {
        return connect(loop, instance, signal, Upcalls.POINTER, handler, timeout);
    }

    /**
     * Connects on the loop thread: at once when called there (a signal connected right after an object is made must
     * not miss an emission), else waiting at most {@code timeout} for the loop to do it.
     */
    private static SignalConnection connect(MainLoopThread loop, GObjectRef instance, String signal,
                                            MemorySegment stub, Object handler, Duration timeout) {
        if (loop.inLoopThread()) {
            return new SignalConnection(loop, instance, connectHere(instance, signal, stub, handler));
        }
        long id;
        try {
            id = loop.submit(() -> connectHere(instance, signal, stub, handler))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to '" + signal + "'", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot connect to '" + signal + "'", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot connect to '" + signal + "' within " + timeout, e);
        }
        // A connection made after the wait gave up stays connected until the object goes: harmless, and rare.
        return new SignalConnection(loop, instance, id);
    }

    private static long connectHere(GObjectRef instance, String signal, MemorySegment stub, Object handler) {
        MemorySegment self = instance.pointer();
        MemorySegment userData = Upcalls.persistent(handler);
        try (Arena arena = Arena.ofConfined()) {
            long id = g_signal_connect_data(self, arena.allocateFrom(signal), stub, userData,
                    Upcalls.DESTROY_NOTIFY, 0);
            if (id == 0) {
                Upcalls.forget(userData); // no such signal: GLib made no closure, so no destroy notify will come
                throw new IllegalArgumentException("no signal '" + signal + "' on this object");
            }
            return id;
        }
    }

    /** Disconnects the handler (on the loop thread); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.execute(() -> {
                // Queued before the unref when the owner closes both in that order; after it, the closure is gone.
                if (!instance.isReleased()) {
                    g_signal_handler_disconnect(instance.address(), handlerId);
                }
            });
        } catch (RejectedExecutionException e) {
            // The loop is gone, and every object on it with it.
        }
    }

    public boolean isClosed() {
        return closed.get();
    }
}
