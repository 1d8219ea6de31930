package org.wwan4j.glib.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.glib.ffi.glib_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pieces the runtime builds on work through the generated layer: structs, quarks, sources and upcalls. */
@SuppressWarnings("restricted") // reinterpret gives returned pointers their real size
class GlibFfiSmokeTest {

    @Test
    void errorStructMatchesGlibsLayout() {
        assertEquals(16L, GError.sizeof());
        assertEquals(8L, GError.message$offset());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment quark = arena.allocateFrom("wwan4j-test-error");
            int domain = g_quark_from_string(quark);
            assertEquals("wwan4j-test-error", g_quark_to_string(domain).getString(0));
            MemorySegment error = g_malloc0(GError.sizeof()).reinterpret(GError.sizeof());
            GError.domain(error, domain);
            GError.code(error, 42);
            GError.message(error, g_strdup(arena.allocateFrom("boom")));
            MemorySegment copy = g_error_copy(error).reinterpret(GError.sizeof());
            assertEquals(42, GError.code(copy));
            assertEquals("boom", GError.message(copy).getString(0));
            g_error_free(copy);
            // The original was built by hand with g_malloc0, so it goes back the same way: g_error_free hands its
            // argument to GSlice (GLib before 2.76), and a malloc'd block in a GSlice magazine corrupted the slab
            // lists, crashing a later thread's exit in this test JVM at random (slab_allocator_free_chunk).
            g_free(GError.message(error));
            g_free(error);
        }
    }

    @Test
    void idleSourceCallsBackIntoJavaOnAPrivateContext() {
        AtomicInteger calls = new AtomicInteger();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callback = GSourceFunc.allocate(data -> {
                calls.incrementAndGet();
                return G_SOURCE_REMOVE();
            }, arena);
            MemorySegment context = g_main_context_new();
            MemorySegment source = g_idle_source_new();
            g_source_set_callback(source, callback, MemorySegment.NULL, MemorySegment.NULL);
            g_source_attach(source, context);
            g_source_unref(source);
            while (g_main_context_iteration(context, 0) != 0) {
                // drain the dispatched sources
            }
            g_main_context_unref(context);
        }
        assertEquals(1, calls.get());
        assertTrue(G_PRIORITY_DEFAULT() == 0 && G_SOURCE_REMOVE() == 0);
    }
}
