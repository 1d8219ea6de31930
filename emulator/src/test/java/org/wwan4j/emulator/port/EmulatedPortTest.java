package org.wwan4j.emulator.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.engine.FrameSink;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.fault.ActiveFaults;
import org.wwan4j.emulator.fault.Fault;

/** The transport on its own, with an engine that echoes: pty raw mode, client tracking, unplug/replug. */
@Timeout(20)
class EmulatedPortTest {

    /** Echoes every read back as one response and records when the client went away. */
    static final class EchoEngine implements ProtocolEngine {
        final FrameSink sink;
        final CopyOnWriteArrayList<String> events = new CopyOnWriteArrayList<>();

        EchoEngine(FrameSink sink) {
            this.sink = sink;
        }

        @Override
        public void receive(byte[] data, int length) {
            sink.sendResponse(Arrays.copyOf(data, length));
            events.add("echoed");
        }

        @Override
        public void clientGone() {
            events.add("gone");
        }

        @Override
        public void reboot() {
            events.add("reboot");
        }

        @Override
        public void close() {
        }
    }

    private static byte[] roundTrip(Path path, byte[] request) throws Exception {
        try (RandomAccessFile client = new RandomAccessFile(path.toFile(), "rw")) {
            client.write(request);
            byte[] answer = new byte[request.length];
            client.readFully(answer);
            return answer;
        }
    }

    @Test
    void bytesPassRawAndEightBitCleanAndTheClientLeavingIsNoticed() throws Exception {
        EchoEngine[] engine = new EchoEngine[1];
        try (EmulatedPort port = new EmulatedPort(new ActiveFaults(), null, sink -> engine[0] = new EchoEngine(sink))) {
            // CR, LF, ^C, ^D and 0xFF would all be mangled by a cooked tty.
            byte[] request = {0x01, 0x0d, 0x0a, 0x03, 0x04, (byte) 0xff, 0x7f, 0x00};
            assertArrayEquals(request, roundTrip(port.path(), request));
            while (!engine[0].events.contains("gone")) {
                Thread.sleep(10);
            }
        }
    }

    @Test
    void whatTheLastClientLeftUnreadIsFlushedBeforeTheNextOne() throws Exception {
        EchoEngine[] engine = new EchoEngine[1];
        try (EmulatedPort port = new EmulatedPort(new ActiveFaults(), null, sink -> engine[0] = new EchoEngine(sink))) {
            try (RandomAccessFile client = new RandomAccessFile(port.path().toFile(), "rw")) {
                client.write(new byte[] {9, 9, 9, 9});
                while (!engine[0].events.contains("echoed")) {
                    Thread.sleep(10);
                }
            }
            while (!engine[0].events.contains("gone")) {
                Thread.sleep(10);
            }
            byte[] fresh = {1, 2, 3};
            assertArrayEquals(fresh, roundTrip(port.path(), fresh), "the stale echo must have been flushed");
        }
    }

    /**
     * A raw writer (the hostile-frame storm) going on while clients come and go: whatever it wrote around a client's
     * close is flushed with that client, so the next one starts with an empty queue. A frame slipped in after the
     * flush greeted the next libqmi client, which hung up on it at once (a reopen lost to a stale frame).
     */
    @Test
    void rawWritesRacingAClientsCloseNeverReachTheNextClient() throws Exception {
        EchoEngine[] engine = new EchoEngine[1];
        try (EmulatedPort port = new EmulatedPort(new ActiveFaults(), null, sink -> engine[0] = new EchoEngine(sink))) {
            for (int round = 0; round < 30; round++) {
                AtomicBoolean writing = new AtomicBoolean(true);
                Thread writer = Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        port.writeRaw(new byte[] {7, 7, 7, 7, 7, 7, 7, 7});
                    }
                });
                long gone = engine[0].events.stream().filter("gone"::equals).count();
                try (RandomAccessFile client = new RandomAccessFile(port.path().toFile(), "rw")) {
                    client.write(1);
                    client.read();
                }
                while (engine[0].events.stream().filter("gone"::equals).count() == gone) {
                    Thread.sleep(1);
                }
                writing.set(false);
                writer.join();
                byte[] fresh = {1, 2, 3};
                assertArrayEquals(fresh, roundTrip(port.path(), fresh),
                        "round " + round + ": the next client got stale bytes before its answer");
                while (engine[0].events.stream().filter("gone"::equals).count() < gone + 2) {
                    Thread.sleep(1);
                }
            }
        }
    }

    @Test
    void unplugRemovesPathAndLinkAndReplugPointsTheLinkAtANewPty(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("cdc-wdm0");
        ActiveFaults faults = new ActiveFaults();
        try (EmulatedPort port = new EmulatedPort(faults, link, EchoEngine::new)) {
            Path first = port.path();
            assertTrue(Files.isSymbolicLink(link));
            port.unplug();
            assertFalse(Files.exists(first));
            assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            port.replug();
            assertTrue(Files.exists(port.path()));
            assertTrue(Files.readSymbolicLink(link).equals(port.path()));
            byte[] request = {1, 2, 3};
            faults.inject(Fault.DRIBBLE);
            assertArrayEquals(request, roundTrip(link, request));
        }
    }
}
