package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.glib.ffi.glib_h.g_cancellable_cancel;
import static org.wwan4j.glib.ffi.glib_h.g_cancellable_new;
import static org.wwan4j.glib.ffi.glib_h.g_object_ref;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting a GObject signal to an upcall and disconnecting it safely, on a GCancellable's "cancelled". */
class SignalConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private MainLoopThread loop;

    @BeforeEach
    void startLoop() {
        loop = MainLoopThread.start("signal-test-loop");
    }

    @AfterEach
    void stopLoop() {
        loop.close();
    }

    private GObjectRef newCancellable() throws Exception {
        return new GObjectRef(loop, loop.submit(() -> g_cancellable_new()).get(30, TimeUnit.SECONDS));
    }

    private void cancel(GObjectRef cancellable) throws Exception {
        loop.submit(() -> {
            g_cancellable_cancel(cancellable.pointer());
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theHandlerRunsInTheLoopsContextForEachEmission() throws Exception {
        GObjectRef cancellable = newCancellable();
        AtomicInteger calls = new AtomicInteger();
        boolean[] ownedTheContext = new boolean[1];
        try (SignalConnection connection = SignalConnection.connect(loop, cancellable, "cancelled",
                (Upcalls.PointerHandler) instance -> {
                    // the loop thread, or a caller running the context while the loop thread handed it over
                    ownedTheContext[0] = loop.inLoopThread();
                    calls.incrementAndGet();
                }, WAIT)) {
            cancel(cancellable);
            assertEquals(1, calls.get());
            assertTrue(ownedTheContext[0], "the handler ran outside the loop's context");
        } finally {
            cancellable.close();
        }
    }

    @Test
    void aClosedConnectionCallsNothingAndForgetsItsHandler() throws Exception {
        int before = Upcalls.registeredHandlers();
        GObjectRef cancellable = newCancellable();
        AtomicInteger calls = new AtomicInteger();
        SignalConnection connection = SignalConnection.connect(loop, cancellable, "cancelled",
                (Upcalls.PointerHandler) instance -> calls.incrementAndGet(), WAIT);
        assertEquals(before + 1, Upcalls.registeredHandlers());
        connection.close();
        connection.close(); // idempotent
        cancel(cancellable);
        assertEquals(0, calls.get());
        assertEquals(before, Upcalls.registeredHandlers(), "GLib's destroy notify forgot the handler");
        cancellable.close();
    }

    @Test
    void closingTheConnectionThenTheReferenceDisconnectsBeforeTheUnref() throws Exception {
        int before = Upcalls.registeredHandlers();
        GObjectRef cancellable = newCancellable();
        // Someone else (libqmi, libmbim) holds the object too: our unref does not finalize it, so only a disconnect
        // can forget the handler.
        MemorySegment other = loop.submit(() -> g_object_ref(cancellable.pointer())).get(30, TimeUnit.SECONDS);
        SignalConnection connection = SignalConnection.connect(loop, cancellable, "cancelled",
                (Upcalls.PointerHandler) instance -> { }, WAIT);
        // From another thread, back to back: the disconnect is queued first, so it still finds the object held
        // although the reference is closed by the time it runs (the unref is queued after it).
        connection.close();
        cancellable.close();
        assertTrue(loop.sync(WAIT));
        assertEquals(before, Upcalls.registeredHandlers(), "disconnected, not left to the finalizer");
        loop.execute(() -> g_object_unref(other));
        assertTrue(loop.sync(WAIT));
    }

    @Test
    void connectingToAnUnknownSignalFailsAndLeavesNoHandler() throws Exception {
        int before = Upcalls.registeredHandlers();
        GObjectRef cancellable = newCancellable();
        try {
            assertThrows(IllegalArgumentException.class, () -> SignalConnection.connect(loop, cancellable,
                    "no-such-signal", (Upcalls.PointerHandler) instance -> { }, WAIT));
            assertEquals(before, Upcalls.registeredHandlers());
        } finally {
            cancellable.close();
        }
    }

    @Test
    void aConnectionToAReleasedObjectClosesWithoutTouchingIt() throws Exception {
        GObjectRef cancellable = newCancellable();
        SignalConnection connection = SignalConnection.connect(loop, cancellable, "cancelled",
                (Upcalls.PointerHandler) instance -> { }, WAIT);
        cancellable.close();
        assertTrue(loop.sync(WAIT)); // the unref has run: the object is gone
        connection.close();
        assertTrue(loop.sync(WAIT));
        assertTrue(connection.isClosed());
    }
}
