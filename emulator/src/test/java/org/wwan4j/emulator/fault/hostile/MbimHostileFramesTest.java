package org.wwan4j.emulator.fault.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;

/** Each MBIM kind is damaged the way its name says, on top of a well-formed message. */
class MbimHostileFramesTest {

    private static final int SAMPLES = 500;

    private final MbimHostileFrames factory = new MbimHostileFrames();
    private final Random random = new Random(9);

    private static int u32(byte[] frame, int offset) {
        return (frame[offset] & 0xFF) | (frame[offset + 1] & 0xFF) << 8 | (frame[offset + 2] & 0xFF) << 16
                | (frame[offset + 3] & 0xFF) << 24;
    }

    @Test
    void plausibleFramesAreWellFormedBasicConnectIndications() {
        for (int i = 0; i < SAMPLES; i++) {
            byte[] frame = factory.plausibleFrame(random);
            assertEquals(MbimMessageType.INDICATE_STATUS.code(), u32(frame, 0));
            assertEquals(frame.length, u32(frame, 4));
            assertEquals(MbimServiceIds.BASIC_CONNECT, MbimServiceIds.read(frame, 20));
            assertEquals(frame.length - MbimMessages.INDICATE_STATUS_HEADER_LENGTH, u32(frame, 40));
        }
    }

    @Test
    void eachKindBreaksWhatItsNameSays() {
        for (int i = 0; i < SAMPLES; i++) {
            byte[] real = factory.plausibleFrame(random);
            assertTrue(factory.build(HostileKind.TRUNCATED, random, real).length < real.length);

            byte[] tooShort = factory.build(HostileKind.LENGTH_TOO_SHORT, random, real);
            assertTrue(Integer.compareUnsigned(u32(tooShort, 4), tooShort.length) < 0);

            byte[] tooLong = factory.build(HostileKind.LENGTH_TOO_LONG, random, real);
            assertTrue(u32(tooLong, 4) > tooLong.length && u32(tooLong, 4) <= MbimHostileFrames.MAX_CONTROL_TRANSFER);

            byte[] oversized = factory.build(HostileKind.OVERSIZED, random, real);
            assertEquals(oversized.length, u32(oversized, 4), "oversized frames are honest about their length");
            assertTrue(oversized.length >= MbimHostileFrames.MAX_CONTROL_TRANSFER);

            assertNull(MbimMessageType.fromCode(u32(factory.build(HostileKind.BAD_MARKER, random, real), 0)));

            byte[] badBuffer = factory.build(HostileKind.BAD_TLV_LENGTH, random, real);
            assertEquals(badBuffer.length, u32(badBuffer, 4), "the framing itself is right");
            boolean bufferPastEnd = u32(badBuffer, 40) != badBuffer.length - MbimMessages.INDICATE_STATUS_HEADER_LENGTH;
            boolean badFragment = u32(badBuffer, 12) != 1 || u32(badBuffer, 16) != 0;
            boolean offsetsPastEnd = false;
            for (int at = MbimMessages.INDICATE_STATUS_HEADER_LENGTH; at + 4 <= badBuffer.length; at += 4) {
                offsetsPastEnd |= Integer.compareUnsigned(u32(badBuffer, at),
                        badBuffer.length - MbimMessages.INDICATE_STATUS_HEADER_LENGTH) >= 0;
            }
            assertTrue(bufferPastEnd || badFragment || offsetsPastEnd);

            byte[] unknown = factory.build(HostileKind.UNKNOWN_SERVICE, random, real);
            assertEquals(unknown.length, u32(unknown, 4));
            boolean unknownService = !MbimServiceIds.BASIC_CONNECT.equals(MbimServiceIds.read(unknown, 20));
            assertTrue(unknownService || u32(unknown, 36) >= 1_000);
            assertNotEquals(0, unknown.length);
        }
    }

    @Test
    void noFrameStartsWithTheZeroLengthCloseThatWedgesLibmbim() {
        byte[] wedge = {2, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0};
        assertEquals(org.wwan4j.emulator.mbim.codec.MbimFrame.HEADER_LENGTH, u32(MbimHostileFrames.withoutLoopWedge(wedge.clone()), 4));
        HostileFrameSequence sequence = new HostileFrameSequence(factory, 1);
        for (int i = 0; i < 20 * SAMPLES; i++) {
            byte[] frame = sequence.next().bytes();
            if (frame.length >= 8) {
                assertTrue(u32(frame, 0) != MbimMessageType.CLOSE.code() || u32(frame, 4) != 0);
            }
        }
    }
}
