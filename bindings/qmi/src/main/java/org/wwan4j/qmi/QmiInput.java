package org.wwan4j.qmi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.glib.GErrors;

/**
 * The base of every generated input builder. Setters only record what to set; {@link #build} creates the native
 * bundle on the loop thread when the request starts. The recorded values are never printed (no toString), since
 * WDS inputs carry passwords.
 */
public abstract class QmiInput implements RequestInput {

    /** Calls one {@code qmi_message_xxx_input_set_yyy} on the native bundle; returns its gboolean. */
    @FunctionalInterface
    interface Setter {
        int set(MemorySegment self, Arena arena, MemorySegment error);
    }

    private final List<Setter> setters = new ArrayList<>();

    QmiInput() {
    }

    final void add(Setter setter) {
        setters.add(setter);
    }

    abstract MemorySegment create();

    abstract void unref(MemorySegment input);

    /** Creates the native bundle and applies every setter; on failure frees it and throws the setter's error. */
    final MemorySegment build() {
        MemorySegment input = create();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.newSlot(arena);
            for (Setter setter : setters) {
                if (setter.set(input, arena, error) == 0) {
                    GErrors.throwIfSet(error);
                    throw new IllegalArgumentException("libqmi rejected an input TLV");
                }
            }
            return input;
        } catch (RuntimeException e) {
            unref(input);
            throw e;
        }
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + setters.size() + " TLVs]";
    }
}
