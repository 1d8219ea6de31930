package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.linux.KernelEvent.Kind;

@Timeout(30)
@Tag("slow")
class KernelLogWatcherTest {

    /** A bound on waiting for an event, not an expectation of speed. */
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<KernelEvent> events = new LinkedBlockingQueue<>();

    @Test
    void aFollowedFileIsReadFromTheStartAndThenLikeTailF() throws Exception {
        Path log = dir.resolve("kmsg");
        Files.writeString(log, KernelTraces.NETDEV_WATCHDOG);
        try (KernelLogWatcher _ = KernelLogWatcher.start(log, KernelLogWatcher.Start.BEGINNING, events::add)) {
            assertEquals(Kind.NETDEV_WATCHDOG, next().kind());
            Files.writeString(log, KernelTraces.USB_TROUBLE, StandardOpenOption.APPEND);
            assertEquals(Kind.DRIVER_ERROR, next().kind());
            assertEquals(Kind.DRIVER_ERROR, next().kind());
            assertEquals(Kind.DRIVER_ERROR, next().kind());
            assertEquals(Kind.USB_DISCONNECT, next().kind());
        }
    }

    @Test
    void startingNowSkipsWhatTheFileAlreadyHolds() throws Exception {
        Path log = dir.resolve("kmsg");
        Files.writeString(log, KernelTraces.NETDEV_WATCHDOG);
        try (KernelLogWatcher _ = KernelLogWatcher.start(log, KernelLogWatcher.Start.NOW, events::add)) {
            Files.writeString(log, "6,9,9,-;usb 3-2: USB disconnect, device number 7\n", StandardOpenOption.APPEND);
            assertEquals("3-2", next().usbAddress());
        }
    }

    @Test
    void aTruncatedFileIsReadAgainFromTheTop() throws Exception {
        Path log = dir.resolve("kmsg");
        Files.writeString(log, KernelTraces.SOFT_LOCKUP);
        try (KernelLogWatcher _ = KernelLogWatcher.start(log, KernelLogWatcher.Start.BEGINNING, events::add)) {
            assertEquals(Kind.SOFT_LOCKUP, next().kind());
            Files.writeString(log, "6,1,1,-;usb 1-2: USB disconnect, device number 3\n");
            assertEquals("1-2", next().usbAddress());
        }
    }

    @Test
    void aThrowingListenerDoesNotStopTheWatcher() throws Exception {
        Path log = dir.resolve("kmsg");
        Files.writeString(log, "6,1,1,-;usb 1-2: USB disconnect, device number 3\n"
                + "6,2,2,-;usb 1-3: USB disconnect, device number 4\n");
        try (KernelLogWatcher _ = KernelLogWatcher.start(log, KernelLogWatcher.Start.BEGINNING, event -> {
            if (event.usbAddress().equals("1-2")) {
                throw new IllegalStateException("listener bug");
            }
            events.add(event);
        })) {
            assertEquals("1-3", next().usbAddress());
        }
    }

    @Test
    void aSourceThatAppearsLaterIsPickedUp() throws Exception {
        Path log = dir.resolve("later");
        try (KernelLogWatcher _ = KernelLogWatcher.start(log, KernelLogWatcher.Start.BEGINNING, events::add)) {
            Files.writeString(log, "6,1,1,-;usb 4-1: USB disconnect, device number 2\n");
            assertEquals("4-1", next().usbAddress());
        }
    }

    @Test
    void recordsArriveThroughAPipe() throws Exception {
        Path fifo = dir.resolve("kmsg.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(WAIT_SECONDS, TimeUnit.SECONDS)
                && Files.exists(fifo), "mkfifo is not available");
        try (KernelLogWatcher _ = KernelLogWatcher.start(fifo, KernelLogWatcher.Start.BEGINNING, events::add)) {
            try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                out.write(KernelTraces.NETDEV_WATCHDOG.getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("wwan0", next().interfaceName());
        }
    }

    @Test
    void theRealDeviceOpensAndClosesCleanly() throws Exception {
        Path kmsg = Path.of("/dev/kmsg");
        assumeTrue(Files.isReadable(kmsg), "/dev/kmsg is not readable here");
        KernelLogWatcher watcher = KernelLogWatcher.start(kmsg, KernelLogWatcher.Start.NOW, events::add);
        watcher.close();
        watcher.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("kmsg-watcher") && t.isAlive()), "watcher thread still running");
    }

    private KernelEvent next() throws InterruptedException {
        KernelEvent event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no kernel event arrived");
        return event;
    }

}
