package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_error_free;
import static org.wwan4j.glib.ffi.glib_h.g_quark_to_string;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wwan4j.glib.ffi.GError;

/**
 * Turns {@code GError**} out-arguments into exceptions. Modules register a factory per error domain (libqmi's core
 * and protocol domains, libmbim's core, protocol and status domains...), so callers catch typed exceptions that
 * carry the protocol's error enum.
 */
public final class GErrors {

    /** Builds the exception for one domain from the error's code and message. */
    @FunctionalInterface
    public interface Factory {
        RuntimeException create(String domain, int code, String message);
    }

    private static final Map<String, Factory> FACTORIES = new ConcurrentHashMap<>();

    private GErrors() {}

    /** Registers the exception factory of an error domain (its quark string, e.g. {@code qmi-protocol-error-quark}). */
    public static void register(String domain, Factory factory) {
        FACTORIES.put(domain, factory);
    }

    /** A fresh {@code GError*} slot set to NULL, to pass as the {@code GError**} argument. */
    public static MemorySegment newSlot(SegmentAllocator allocator) {
        MemorySegment slot = allocator.allocate(ValueLayout.ADDRESS);
        slot.set(ValueLayout.ADDRESS, 0, MemorySegment.NULL);
        return slot;
    }

    /**
     * The exception for the error in the slot, or null if there is none. Frees the {@code GError} and clears the
     * slot, so every error is freed exactly once.
     */
    public static RuntimeException take(MemorySegment slot) {
        MemorySegment error = slot.get(ValueLayout.ADDRESS, 0);
        if (error.equals(MemorySegment.NULL)) {
            return null;
        }
        slot.set(ValueLayout.ADDRESS, 0, MemorySegment.NULL);
        try {
            MemorySegment fields = error.reinterpret(GError.sizeof());
            String domain = cString(g_quark_to_string(GError.domain(fields)));
            int code = GError.code(fields);
            String message = cString(GError.message(fields));
            Factory factory = FACTORIES.get(domain);
            return factory != null ? factory.create(domain, code, message) : new GErrorException(domain, code, message);
        } finally {
            g_error_free(error);
        }
    }

    /** Throws the exception for the error in the slot, if there is one. */
    public static void throwIfSet(MemorySegment slot) {
        RuntimeException exception = take(slot);
        if (exception != null) {
            throw exception;
        }
    }

    /** Reads a NUL-terminated UTF-8 string owned by C; null for NULL. */
    public static String cString(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
