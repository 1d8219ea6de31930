package org.example.demo.ffi;

import java.lang.foreign.*;
import java.lang.invoke.*;

/**
 * {@snippet lang=c :
 * typedef gboolean (*DemoVisitFn)(const gchar *name, guint64 value, gpointer user_data)
 * }
 * Called once per item.
 */
@SuppressWarnings("restricted")
public class DemoVisitFn {

    DemoVisitFn() {
        // Static members only.
    }

    /** The function pointer signature, expressed as a functional interface. */
    public interface Function {
        int apply(MemorySegment name, long value, MemorySegment user_data);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.of(
        demo_h.C_INT,
        demo_h.C_POINTER,
        demo_h.C_LONG,
        demo_h.C_POINTER
    );

    /** The descriptor of this function pointer. */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = demo_h.upcallHandle(DemoVisitFn.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}.
     */
    public static MemorySegment allocate(DemoVisitFn.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /** Invoke the function pointer {@code funcPtr} with the given arguments. */
    public static int invoke(MemorySegment funcPtr, MemorySegment name, long value, MemorySegment user_data) {
        try {
            return (int) DOWN$MH.invokeExact(funcPtr, name, value, user_data);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
