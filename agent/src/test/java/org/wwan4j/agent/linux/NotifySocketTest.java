package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datagrams reach a real unix datagram socket, by path and by abstract name, as systemd's notify socket. */
class NotifySocketTest {

    /** A datagram on a local socket is queued at once; the bound is for a loaded machine, never a delay. */
    private static final Duration RECEIVE_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void sendsEachMessageAsOneDatagramToAPath() throws IOException {
        Path path = dir.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.bind(path);
                NotifySocket socket = NotifySocket.open(path.toString())) {
            socket.send("READY=1");
            socket.send("WATCHDOG=1");
            assertEquals("READY=1", systemd.receive(RECEIVE_WAIT));
            assertEquals("WATCHDOG=1", systemd.receive(RECEIVE_WAIT));
        }
    }

    @Test
    void sendsToAnAbstractSocket() throws IOException {
        String name = "@wwan4j-notify-test-" + ProcessHandle.current().pid();
        try (DatagramReceiver systemd = DatagramReceiver.bind(name); NotifySocket socket = NotifySocket.open(name)) {
            socket.send("STOPPING=1");
            assertEquals("STOPPING=1", systemd.receive(RECEIVE_WAIT));
        }
    }

    @Test
    void aMissingListenerIsAnErrorWithTheKernelsReason() throws IOException {
        try (NotifySocket socket = NotifySocket.open(dir.resolve("nobody").toString())) {
            IOException error = assertThrows(IOException.class, () -> socket.send("READY=1"));
            assertTrue(error.getMessage().contains("No such file or directory"), error.getMessage());
        }
    }

    @Test
    void refusesWhatIsNotAUnixSocketAddress() {
        for (String address : new String[] {"relative/notify", "@", "/" + "x".repeat(107)}) {
            IOException error = assertThrows(IOException.class, () -> NotifySocket.open(address).close(), address);
            assertTrue(error.getMessage().contains("not a unix socket address"), error.getMessage());
        }
    }

    @Test
    void sendingAfterCloseFails() throws IOException {
        NotifySocket socket = NotifySocket.open(dir.resolve("notify").toString());
        socket.close();
        socket.close();
        assertThrows(IOException.class, () -> socket.send("READY=1"));
    }
}
