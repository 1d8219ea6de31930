package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;

class SoleJvmTest {

    private static final SoleJvm JVM = new SoleJvm(Path.of("/opt/jdk-25"));

    @Test
    void filesTheJvmBringsCountWholeAndSystemLibrariesKeepTheirShare() {
        List<Mapping> mappings = List.of(
                new Mapping(0x1000, 0x2000, "r-xp", "/opt/jdk-25/lib/server/libjvm.so", 4000, 16000),
                new Mapping(0x3000, 0x4000, "rw-p", "/opt/jdk-25/lib/server/classes.jsa", 7000, 14000),
                new Mapping(0x5000, 0x6000, "rw-p", "/var/lib/wwan4j/cds/agent.jsa", 6000, 12000),
                new Mapping(0x7000, 0x8000, "r-xp", "/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0", 300, 1000),
                new Mapping(0x9000, 0xa000, "rw-p", "", 9000, 9000));

        assertEquals(16000 + 14000 + 12000 + 300 + 9000, mappings.stream().mapToLong(JVM::kb).sum());
    }

    @Test
    void aJdkWithASimilarNameIsNotThisOne() {
        Mapping other = new Mapping(0x1000, 0x2000, "r-xp", "/opt/jdk-25-other/lib/server/libjvm.so", 10, 20);
        assertEquals(10, JVM.kb(other));
    }
}
