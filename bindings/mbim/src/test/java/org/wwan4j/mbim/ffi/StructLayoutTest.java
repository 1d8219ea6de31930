package org.wwan4j.mbim.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.generator.check.StructLayoutProbe;

/** Every generated Mbim struct class has the size and field offsets gcc gives the real headers. */
class StructLayoutTest {

    @Test
    void structLayoutsMatchTheCCompiler(@TempDir Path work) throws Exception {
        assumeTrue(StructLayoutProbe.toolsAvailable(), "gcc and pkg-config are needed for this check");
        List<Class<?>> structs = StructLayoutProbe.structClassesBeside(libmbim_glib_h.class);
        assertEquals(40, structs.size(), "every Mbim record with fields has a struct class");
        assertEquals(List.of(), StructLayoutProbe.mismatches(structs, List.of("libmbim-glib.h"), List.of("mbim-glib"), work));
    }
}
