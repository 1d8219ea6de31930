package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UeventListenerTest {

    @Test
    void theSocketOpensAndClosesCleanly() throws IOException {
        UeventListener listener = UeventListener.start(UeventListener.MODEM_SUBSYSTEMS, event -> { });
        assertTrue(listener.isRunning());
        listener.close();
        listener.close();
        assertFalse(listener.isRunning());
    }

    /** A real hot-plug event, inside a private network namespace so that nothing on the host sees it. */
    @Test
    void aLinkCreatedInANamespaceIsHeard() throws Exception {
        assumeTrue(isRoot(), "uevent namespace test skipped: needs root to create a network namespace");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of("unshare", "-n", java, "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                UeventProbe.class.getName())).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException ignored) {
                // reported through the output we have
            }
        });
        boolean finished = process.waitFor(45, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        reader.join(5000);
        String text = output.toString(StandardCharsets.UTF_8);
        assertTrue(finished, () -> "probe did not finish:\n" + text);
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.lines().anyMatch("UEVENT add net wwan7"::equals), text);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
