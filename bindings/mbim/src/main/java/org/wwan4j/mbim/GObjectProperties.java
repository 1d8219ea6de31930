package org.wwan4j.mbim;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Sets MbimDevice's session properties ("device-in-session", "device-transaction-id"), which libmbim exposes only
 * as GObject properties. The glib ffi layer does not include the variadic {@code g_object_set}, so this one call is
 * linked here, with its exact variadic shape.
 */
final class GObjectProperties {

    private static final class Holder {
        static final MethodHandle SET_SESSION = Linker.nativeLinker().downcallHandle(
                SymbolLookup.libraryLookup("libgobject-2.0.so.0", Arena.global()).find("g_object_set").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                Linker.Option.firstVariadicArg(2));
    }

    private GObjectProperties() {}

    /** {@code g_object_set(device, "device-in-session", inSession, "device-transaction-id", trid, NULL)}. */
    static void setSession(MemorySegment device, boolean inSession, long transactionId) {
        try (Arena arena = Arena.ofConfined()) {
            Holder.SET_SESSION.invokeExact(device, arena.allocateFrom("device-in-session"), inSession ? 1 : 0,
                    arena.allocateFrom("device-transaction-id"), (int) transactionId, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("g_object_set on MbimDevice failed", t);
        }
    }
}
