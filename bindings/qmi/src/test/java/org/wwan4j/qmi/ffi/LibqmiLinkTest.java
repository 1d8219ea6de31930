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
import org.wwan4j.generator.check.HeaderClassIndex;
import org.wwan4j.generator.select.CommandLine;

/**
 * Every function of headers/qmi.txt is emitted and resolves in the installed libqmi-glib, in the header class of the
 * C header that declares it (one class per header file, as jextract run per header names them).
 */
class LibqmiLinkTest {

    @Test
    void functionsLiveInTheClassOfTheirHeaderAndEachHeaderClassStandsAlone() throws Exception {
        HeaderClassIndex index = HeaderClassIndex.beside(libqmi_glib_h.class);
        assertEquals("qmi_device_h", index.classOf("qmi_device_open"));
        assertEquals("qmi_nas_h", index.classOf("qmi_client_nas_get_signal_info"));
        // Loading the NAS header must not load the umbrella class (thousands of enum constants) or another header.
        assertEquals("libqmi_glib_h$shared", qmi_device_h.class.getSuperclass().getSimpleName());
        assertTrue(java.util.Arrays.stream(libqmi_glib_h.class.getMethods())
                .noneMatch(m -> m.getName().equals("qmi_device_open")), "umbrella class still declares functions");
    }

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
        HeaderClassIndex index = HeaderClassIndex.beside(libqmi_glib_h.class);
        for (String name : functions) {
            Method address = index.addressMethod(name);
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
