package org.wwan4j.glib.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedSet;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.select.CommandLine;

/** Every function of headers/glib.txt is emitted and resolves in the installed GLib, GObject and Gio. */
class GlibLinkTest {

    @Test
    void everyIncludedFunctionResolvesInTheInstalledLibraries() throws Exception {
        Path list = Path.of(System.getProperty("wwan4j.headers.dir"), "glib.txt");
        SequencedSet<String> functions = CommandLine.parse(
                new String[] {"--gir", "unused", "@" + list, "--output", "unused"}).includes().functions();
        assertTrue(functions.contains("g_main_context_invoke_full") && functions.contains("g_file_new_for_path"));
        List<String> unresolved = new ArrayList<>();
        for (String name : functions) {
            try {
                MemorySegment symbol = (MemorySegment) glib_h.class.getMethod(name + "$address").invoke(null);
                if (symbol.equals(MemorySegment.NULL)) {
                    unresolved.add(name);
                }
            } catch (java.lang.reflect.InvocationTargetException e) {
                unresolved.add(name + " (" + e.getCause() + ")");
            }
        }
        assertEquals(List.of(), unresolved);
    }
}
