package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_object_unref;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Exactly one reference to a {@code GObject}, released on the loop thread. {@link #close()} is idempotent; a
 * {@link Cleaner} releases the reference if the owner is dropped without closing it, but that is only a safety net:
 * libqmi and libmbim objects must be unreffed on the thread whose context they use, and at a known time. Every
 * GObject the QMI and MBIM APIs own (devices, clients) is held through one of these.
 *
 * <p>Closing and releasing are two moments: {@link #close()} refuses new calls at once ({@link #pointer()} fails),
 * and queues the unref on the loop thread; a task queued before it (disconnecting a signal) still finds the object
 * alive and may use {@link #address()} until {@link #isReleased()}.
 */
public final class GObjectRef implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final MemorySegment pointer;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set on the loop thread when the unref has run. */
    private final AtomicBoolean released = new AtomicBoolean();
    private final Cleaner.Cleanable cleanable;

    /** Adopts one reference the caller owns (e.g. a {@code _finish} result with transfer full). */
    public GObjectRef(MainLoopThread loop, MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("NULL GObject");
        }
        this.pointer = pointer;
        // The action must not capture `this`, or the object would never become unreachable.
        this.cleanable = CLEANER.register(this, new Unref(loop, pointer, released));
    }

    private record Unref(MainLoopThread loop, MemorySegment pointer, AtomicBoolean released) implements Runnable {
        @Override
        public void run() {
            loop.execute(() -> {
                released.set(true);
                g_object_unref(pointer);
            });
        }
    }

    /**
     * The object's address; fails with {@link ClosedException} once closed, so no call can reach a released object.
     * Read it on the loop thread, right before the call: the reference is only ever released there, so an object
     * that is open then stays alive for the rest of that task.
     */
    public MemorySegment pointer() {
        if (closed.get()) {
            throw new ClosedException("the GObject reference is released");
        }
        return pointer;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Whether the unref has run; read it on the loop thread, where it happens. */
    boolean isReleased() {
        return released.get();
    }

    /** The address even after {@link #close()}: only for loop-thread tasks that checked {@link #isReleased()}. */
    MemorySegment address() {
        return pointer;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cleanable.clean();
        }
    }
}
