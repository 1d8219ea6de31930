package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_object_unref;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Exactly one reference to a {@code GObject}, released on the loop thread. {@link #close()} is idempotent; a
 * {@link Cleaner} releases the reference if the owner is dropped without closing it, but that is only a safety net:
 * libqmi objects must be unreffed on the thread whose context they use, and at a known time.
 */
public final class GObjectRef implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final MemorySegment pointer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Cleaner.Cleanable cleanable;

    /** Adopts one reference the caller owns (e.g. a {@code _finish} result with transfer full). */
    public GObjectRef(MainLoopThread loop, MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("NULL GObject");
        }
        this.pointer = pointer;
        // The action must not capture `this`, or the object would never become unreachable.
        this.cleanable = CLEANER.register(this, new Unref(loop, pointer));
    }

    private record Unref(MainLoopThread loop, MemorySegment pointer) implements Runnable {
        @Override
        public void run() {
            loop.execute(() -> g_object_unref(pointer));
        }
    }

    /** The object's address; fails once closed so no call can reach a released object. */
    public MemorySegment pointer() {
        if (closed.get()) {
            throw new IllegalStateException("already closed");
        }
        return pointer;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cleanable.clean();
        }
    }
}
