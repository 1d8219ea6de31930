package org.wwan4j.mbim.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedSet;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.select.CommandLine;

/** Every function of headers/mbim.txt is emitted and resolves in the installed libmbim-glib. */
class LibmbimLinkTest {

    @Test
    void everyIncludedFunctionResolvesInTheInstalledLibrary() throws Exception {
        Path list = Path.of(System.getProperty("wwan4j.headers.dir"), "mbim.txt");
        SequencedSet<String> functions = CommandLine.parse(
                new String[] {"--gir", "unused", "@" + list, "--output", "unused"}).includes().functions();
        assertTrue(functions.size() > 500, "the list covers the whole introspectable API, got " + functions.size());
        List<String> unresolved = new ArrayList<>();
        for (String name : functions) {
            try {
                MemorySegment symbol = (MemorySegment) libmbim_glib_h.class.getMethod(name + "$address").invoke(null);
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
