package org.wwan4j.glib;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upcall stubs of the runtime: exactly one per C signature, made once in the global arena.
 *
 * <p>A stub per call would fill the code cache within hours (java-gi learned this the hard way), so every C
 * callback of libqmi/libmbim/GLib that the bindings use goes through one of these, and the {@code user_data}
 * pointer selects the Java handler in {@link #REGISTRY}. Every upcall catches {@link Throwable}: an exception
 * escaping into C would take the JVM down.
 */
public final class Upcalls {

    private static final Logger LOG = LoggerFactory.getLogger(Upcalls.class);

    /** Handlers of the callbacks below, keyed by {@code user_data}. */
    static final CallbackRegistry REGISTRY = new CallbackRegistry();

    /** A callback of C shape {@code void (*)(gpointer a, gpointer b, gpointer user_data)}. */
    @FunctionalInterface
    public interface PointerPairHandler {
        void invoke(MemorySegment a, MemorySegment b);
    }

    /** A callback of C shape {@code void (*)(gpointer a, gpointer user_data)}. */
    @FunctionalInterface
    public interface PointerHandler {
        void invoke(MemorySegment a);
    }

    /**
     * {@code void (*)(gpointer, gpointer, gpointer user_data)}: {@code GAsyncReadyCallback} and every signal whose
     * handler takes the instance and one pointer argument (libqmi indications, "device-indicate-status").
     */
    public static final MemorySegment POINTER_PAIR;
    /** {@code void (*)(gpointer, gpointer user_data)}: signals with no argument, e.g. "device-removed". */
    public static final MemorySegment POINTER;
    /** {@code gboolean (*)(gpointer user_data)}: {@code GSourceFunc}, used to run work on the loop thread. */
    public static final MemorySegment SOURCE_FUNC;
    /** {@code void (*)(gpointer user_data)}: {@code GDestroyNotify}/{@code GClosureNotify}; forgets the handler. */
    public static final MemorySegment DESTROY_NOTIFY;

    static {
        Linker linker = Linker.nativeLinker();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Arena global = Arena.global();
        try {
            POINTER_PAIR = linker.upcallStub(
                    lookup.findStatic(Upcalls.class, "pointerPair", MethodType.methodType(
                            void.class, MemorySegment.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS), global);
            POINTER = linker.upcallStub(
                    lookup.findStatic(Upcalls.class, "pointer", MethodType.methodType(
                            void.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS), global);
            SOURCE_FUNC = linker.upcallStub(
                    lookup.findStatic(Upcalls.class, "sourceFunc", MethodType.methodType(int.class, MemorySegment.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS), global);
            DESTROY_NOTIFY = linker.upcallStub(
                    lookup.findStatic(Upcalls.class, "destroyNotify", MethodType.methodType(void.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), global);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Upcalls() {}

    /** Registers a handler for one call of {@link #POINTER_PAIR} (an async result); returns its user_data. */
    public static MemorySegment once(PointerPairHandler handler) {
        return REGISTRY.registerOnce(handler);
    }

    /** Registers a handler kept until its destroy-notify or {@link #forget}; returns its user_data. */
    public static MemorySegment persistent(Object handler) {
        return REGISTRY.registerPersistent(handler);
    }

    /** Forgets a handler registered with {@link #persistent} or never called. */
    public static void forget(MemorySegment userData) {
        REGISTRY.remove(userData);
    }

    /** Registered handlers right now; tests use it to prove that nothing leaks. */
    public static int registeredHandlers() {
        return REGISTRY.size();
    }

    private static void pointerPair(MemorySegment a, MemorySegment b, MemorySegment userData) {
        try {
            if (REGISTRY.lookup(userData) instanceof PointerPairHandler handler) {
                handler.invoke(a, b);
            }
        } catch (Throwable t) {
            LOG.error("callback failed", t);
        }
    }

    private static void pointer(MemorySegment a, MemorySegment userData) {
        try {
            if (REGISTRY.lookup(userData) instanceof PointerHandler handler) {
                handler.invoke(a);
            }
        } catch (Throwable t) {
            LOG.error("callback failed", t);
        }
    }

    private static int sourceFunc(MemorySegment userData) {
        try {
            if (REGISTRY.lookup(userData) instanceof IntSupplier handler) {
                return handler.getAsInt();
            }
        } catch (Throwable t) {
            LOG.error("loop task failed", t);
        }
        return 0; // G_SOURCE_REMOVE
    }

    private static void destroyNotify(MemorySegment userData) {
        try {
            REGISTRY.remove(userData);
        } catch (Throwable t) {
            LOG.error("destroy notify failed", t);
        }
    }
}
