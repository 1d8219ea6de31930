package org.wwan4j.emulator.fault.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.qmi.QmiServiceId;
import org.wwan4j.emulator.qmi.QmuxFrame;

/** Each QMI kind is damaged the way its name says, on top of a well-formed frame. */
class QmiHostileFramesTest {

    private static final int SAMPLES = 500;
    private static final int TLV_START = 1 + QmuxFrame.QMUX_HEADER_BYTES + QmuxFrame.SERVICE_HEADER_BYTES;

    private final QmiHostileFrames factory = new QmiHostileFrames();
    private final Random random = new Random(5);

    private static int u16(byte[] frame, int offset) {
        return (frame[offset] & 0xFF) | (frame[offset + 1] & 0xFF) << 8;
    }

    /** True when the TLVs exactly fill the area the message header announces and the frame's end. */
    private static boolean tlvsConsistent(byte[] frame) {
        int area = u16(frame, TLV_START - 2);
        if (TLV_START + area != frame.length) {
            return false;
        }
        int at = TLV_START;
        while (at < frame.length) {
            if (at + 3 > frame.length) {
                return false;
            }
            at += 3 + u16(frame, at + 1);
        }
        return at == frame.length;
    }

    @Test
    void plausibleFramesAreWellFormedBroadcastIndications() {
        for (int i = 0; i < SAMPLES; i++) {
            byte[] frame = factory.plausibleFrame(random);
            assertEquals(QmuxFrame.MARKER, frame[0]);
            assertEquals(frame.length - 1, u16(frame, 1));
            assertEquals(QmuxFrame.BROADCAST_CLIENT, frame[5] & 0xFF);
            assertTrue(tlvsConsistent(frame));
        }
    }

    @Test
    void eachKindBreaksWhatItsNameSays() {
        for (int i = 0; i < SAMPLES; i++) {
            byte[] real = factory.plausibleFrame(random);
            byte[] truncated = factory.build(HostileKind.TRUNCATED, random, real);
            assertTrue(truncated.length < real.length);

            byte[] tooShort = factory.build(HostileKind.LENGTH_TOO_SHORT, random, real);
            assertEquals(real.length, tooShort.length);
            assertTrue(u16(tooShort, 1) < tooShort.length - 1);

            byte[] tooLong = factory.build(HostileKind.LENGTH_TOO_LONG, random, real);
            assertTrue(u16(tooLong, 1) > tooLong.length - 1);

            byte[] oversized = factory.build(HostileKind.OVERSIZED, random, real);
            assertTrue(oversized.length >= QmiHostileFrames.MAX_QMUX_LENGTH);

            assertNotEquals(QmuxFrame.MARKER, factory.build(HostileKind.BAD_MARKER, random, real)[0]);

            byte[] badTlv = factory.build(HostileKind.BAD_TLV_LENGTH, random, real);
            assertEquals(QmuxFrame.MARKER, badTlv[0]);
            assertEquals(badTlv.length - 1, u16(badTlv, 1), "the framing itself is right");
            assertFalse(tlvsConsistent(badTlv));

            byte[] unknown = factory.build(HostileKind.UNKNOWN_SERVICE, random, real);
            assertEquals(unknown.length - 1, u16(unknown, 1));
            int service = unknown[4] & 0xFF;
            int client = unknown[5] & 0xFF;
            int messageId = u16(unknown, 1 + QmuxFrame.QMUX_HEADER_BYTES + 3);
            assertTrue(service >= 0xE0 || messageId >= 0x7F00 || client >= 0x80 && client != 0xFF,
                    "service " + service + " client " + client + " message " + messageId);
            assertTrue(tlvsConsistent(unknown));
        }
    }

    @Test
    void oversizedFramesReachTheSixteenBitMaximumAndGoPastIt() {
        boolean atMaximum = false;
        boolean beyond = false;
        for (int i = 0; i < SAMPLES; i++) {
            byte[] frame = factory.build(HostileKind.OVERSIZED, random, factory.plausibleFrame(random));
            atMaximum |= frame.length - 1 == QmiHostileFrames.MAX_QMUX_LENGTH;
            beyond |= frame.length - 1 > QmiHostileFrames.MAX_QMUX_LENGTH;
            assertTrue(frame[4] == QmiServiceId.NAS || frame[4] == QmiServiceId.WDS || frame[4] == QmiServiceId.DMS
                    || frame[4] == QmiServiceId.UIM || frame[4] == QmiServiceId.LOC);
        }
        assertTrue(atMaximum && beyond);
    }
}
