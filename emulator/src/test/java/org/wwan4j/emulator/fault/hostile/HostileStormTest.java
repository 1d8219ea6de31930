package org.wwan4j.emulator.fault.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/** A storm through a real emulated port: the client gets exactly the seeded frames, whole, once it is there. */
@Timeout(120)
class HostileStormTest {

    private static final int FRAMES = 180;
    /** Fast: nothing else is on the port, and the test only checks what arrives. */
    private static final int FRAMES_PER_SECOND = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void aClientThatOpensThePortLaterGetsEveryFrameInOrder(EmulatedProtocol protocol) throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        HostileFrameSequence replay = new HostileFrameSequence(HostileFrameFactory.forProtocol(protocol), 17);
        for (int i = 0; i < FRAMES; i++) {
            expected.writeBytes(replay.next().bytes());
        }
        try (EmulatedModem modem = EmulatedModem.start(protocol)) {
            // Started before anyone has the port open: the storm holds its frames back until a client is there.
            HostileStorm storm = modem.sendHostileFrames(new HostileOptions(FRAMES, FRAMES_PER_SECOND, 17));
            byte[] received = new byte[expected.size()];
            try (RandomAccessFile client = new RandomAccessFile(modem.path().toFile(), "rw")) {
                client.readFully(received);
            }
            assertTrue(storm.awaitDone(WAIT), "storm did not finish");
            assertEquals(FRAMES, storm.sent());
            assertArrayEquals(expected.toByteArray(), received);
            storm.sentByKind().forEach((kind, count) -> assertEquals(FRAMES / HostileKind.values().length, count,
                    kind.toString()));
        }
    }

    @Test
    void closingTheModemEndsARunningStorm() throws Exception {
        HostileStorm storm;
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            storm = modem.sendHostileFrames(new HostileOptions(1_000_000, 1, 1));
        }
        assertTrue(storm.awaitDone(WAIT));
        assertTrue(storm.sent() < 1_000_000);
    }
}
