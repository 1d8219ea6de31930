package org.wwan4j.emulator.fault.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wwan4j.emulator.EmulatedProtocol;

/** The seeded sequence, for both protocols: every kind comes, equally often, and the same seed gives the same bytes. */
class HostileFrameSequenceTest {

    private static final int ROUNDS = 200;
    private static final int KINDS = HostileKind.values().length;

    private static List<HostileFrame> frames(EmulatedProtocol protocol, long seed, int count) {
        HostileFrameSequence sequence = new HostileFrameSequence(HostileFrameFactory.forProtocol(protocol), seed);
        List<HostileFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(sequence.next());
        }
        return frames;
    }

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void everyKindComesOncePerRound(EmulatedProtocol protocol) {
        List<HostileFrame> frames = frames(protocol, 7, ROUNDS * KINDS);
        for (int round = 0; round < ROUNDS; round++) {
            Set<HostileKind> kinds = EnumSet.noneOf(HostileKind.class);
            frames.subList(round * KINDS, (round + 1) * KINDS).forEach(frame -> kinds.add(frame.kind()));
            assertEquals(EnumSet.allOf(HostileKind.class), kinds, "round " + round);
        }
        frames.forEach(frame -> assertTrue(frame.bytes().length > 0, frame.kind() + " is empty"));
    }

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers(EmulatedProtocol protocol) {
        List<HostileFrame> first = frames(protocol, 42, ROUNDS * KINDS);
        List<HostileFrame> again = frames(protocol, 42, ROUNDS * KINDS);
        List<HostileFrame> other = frames(protocol, 43, ROUNDS * KINDS);
        int differing = 0;
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).kind(), again.get(i).kind());
            assertArrayEquals(first.get(i).bytes(), again.get(i).bytes(), "frame " + i);
            if (!Arrays.equals(first.get(i).bytes(), other.get(i).bytes())) {
                differing++;
            }
        }
        assertTrue(differing > first.size() * 9 / 10, "another seed should change almost every frame: " + differing);
    }

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void mutatedCopiesAreMadeFromTheFramesThePortReallySent(EmulatedProtocol protocol) {
        HostileFrameFactory factory = HostileFrameFactory.forProtocol(protocol);
        HostileFrameSequence sequence = new HostileFrameSequence(factory, 3);
        byte[] real = new byte[200];
        Arrays.fill(real, (byte) 0x5A);
        sequence.observe(real);
        int mutated = 0;
        for (int i = 0; i < ROUNDS * KINDS; i++) {
            HostileFrame frame = sequence.next();
            if (frame.kind() == HostileKind.MUTATED_REAL) {
                mutated++;
                assertFalse(Arrays.equals(real, frame.bytes()), "a mutated copy must differ from the original");
                long kept = countOf(frame.bytes(), (byte) 0x5A);
                assertTrue(kept > real.length / 2, "most of the real frame should be kept: " + kept);
            }
        }
        assertEquals(ROUNDS, mutated);
    }

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void sizesSpanTinyToBeyondTheProtocolMaximum(EmulatedProtocol protocol) {
        int maximum = protocol == EmulatedProtocol.QMI ? QmiHostileFrames.MAX_QMUX_LENGTH + 1
                : MbimHostileFrames.MAX_CONTROL_TRANSFER;
        Map<HostileKind, int[]> sizes = new EnumMap<>(HostileKind.class);
        for (HostileFrame frame : frames(protocol, 11, ROUNDS * KINDS)) {
            int[] range = sizes.computeIfAbsent(frame.kind(), k -> new int[] {Integer.MAX_VALUE, 0});
            range[0] = Math.min(range[0], frame.bytes().length);
            range[1] = Math.max(range[1], frame.bytes().length);
        }
        int[] oversized = sizes.get(HostileKind.OVERSIZED);
        assertTrue(oversized[0] >= maximum - 1, "oversized frames start at the maximum: " + oversized[0]);
        assertTrue(oversized[1] > maximum, "some go beyond it: " + oversized[1]);
        assertTrue(sizes.get(HostileKind.GARBAGE)[0] < 16, "garbage includes a few bytes only");
        assertTrue(sizes.get(HostileKind.TRUNCATED)[0] < 8, "some frames are cut inside the header");
    }

    private static long countOf(byte[] bytes, byte value) {
        long count = 0;
        for (byte b : bytes) {
            if (b == value) {
                count++;
            }
        }
        return count;
    }
}
