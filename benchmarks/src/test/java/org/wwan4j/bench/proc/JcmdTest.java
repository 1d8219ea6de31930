package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JcmdTest {

    private static final Path THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void aJvmWithoutTrackingBecomesAReasonNotFigures() {
        // the test JVM runs without -XX:NativeMemoryTracking
        IOException refused = assertThrows(IOException.class, () -> new Jcmd(THIS_JAVA)
                .run(ProcessHandle.current().pid(), "VM.native_memory", "summary"));

        assertTrue(refused.getMessage().contains("not enabled"), refused.getMessage());
    }

    @Test
    void noJcmdBesideTheJavaBinaryIsAReason() {
        IOException missing = assertThrows(IOException.class,
                () -> new Jcmd(Path.of("/nonexistent/bin/java")).run(1, "System.map"));

        assertTrue(missing.getMessage().startsWith("no jcmd beside the java binary"), missing.getMessage());
    }
}
