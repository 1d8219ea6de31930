package org.wwan4j.qmi.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedSet;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.select.CommandLine;

/** Every function of headers/qmi.txt is emitted and resolves in the installed libqmi-glib. */
class LibqmiLinkTest {

    static SequencedSet<String> includedFunctions(String headerFile) throws Exception {
        Path list = Path.of(System.getProperty("wwan4j.headers.dir"), headerFile);
        return CommandLine.parse(new String[] {"--gir", "unused", "@" + list, "--output", "unused"})
                .includes().functions();
    }

    @Test
    void everyIncludedFunctionResolvesInTheInstalledLibrary() throws Exception {
        SequencedSet<String> functions = includedFunctions("qmi.txt");
        assertTrue(functions.size() > 3900, "the list covers the whole introspectable API, got " + functions.size());
        List<String> unresolved = new ArrayList<>();
        for (String name : functions) {
            Method address = libqmi_glib_h.class.getMethod(name + "$address");
            try {
                MemorySegment symbol = (MemorySegment) address.invoke(null);
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
