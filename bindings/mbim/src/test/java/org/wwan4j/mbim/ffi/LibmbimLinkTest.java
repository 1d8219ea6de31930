package org.wwan4j.mbim.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedSet;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.check.HeaderClassIndex;
import org.wwan4j.generator.select.CommandLine;

/**
 * Every function of headers/mbim.txt is emitted and resolves in the installed libmbim-glib, in the header class of
 * the C header that declares it.
 */
class LibmbimLinkTest {

    @Test
    void functionsLiveInTheClassOfTheirHeaderAndEachHeaderClassStandsAlone() throws Exception {
        HeaderClassIndex index = HeaderClassIndex.beside(libmbim_glib_h.class);
        assertEquals("mbim_device_h", index.classOf("mbim_device_open_full"));
        assertEquals("mbim_basic_connect_h", index.classOf("mbim_message_device_caps_query_new"));
        assertEquals("libmbim_glib_h$shared", mbim_basic_connect_h.class.getSuperclass().getSimpleName());
        assertTrue(java.util.Arrays.stream(libmbim_glib_h.class.getMethods())
                .noneMatch(m -> m.getName().equals("mbim_device_open_full")), "umbrella class still declares functions");
    }

    @Test
    void everyIncludedFunctionResolvesInTheInstalledLibrary() throws Exception {
        Path list = Path.of(System.getProperty("wwan4j.headers.dir"), "mbim.txt");
        SequencedSet<String> functions = CommandLine.parse(
                new String[] {"--gir", "unused", "@" + list, "--output", "unused"}).includes().functions();
        assertTrue(functions.size() > 500, "the list covers the whole introspectable API, got " + functions.size());
        List<String> unresolved = new ArrayList<>();
        HeaderClassIndex index = HeaderClassIndex.beside(libmbim_glib_h.class);
        for (String name : functions) {
            try {
                MemorySegment symbol = (MemorySegment) index.addressMethod(name).invoke(null);
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
