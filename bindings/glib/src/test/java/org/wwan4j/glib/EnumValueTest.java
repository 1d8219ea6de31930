package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnumValueTest {

    /** Shaped like a generated enum: one member at -1 and one above INT_MAX, as libqmi has. */
    enum Mode implements NativeEnum {
        ONLINE(0), LOW_POWER(1), UNKNOWN(-1), HIGH(0xFFFF_FFFEL);

        private final long value;

        Mode(long value) {
            this.value = value;
        }

        @Override
        public long value() {
            return value;
        }
    }

    /** Shaped like a 64-bit flag set (QMI DMS band capability goes up to bit 50). */
    enum Band implements NativeEnum {
        NONE(0), BC0_A(1L), BC0_B(1L << 1), LTE_BAND_50(1L << 50);

        private final long value;

        Band(long value) {
            this.value = value;
        }

        @Override
        public long value() {
            return value;
        }
    }

    @Test
    void knownValuesMapToTheirConstants() {
        assertSame(Mode.LOW_POWER, EnumValue.of(Mode.class, 1).constant());
        assertSame(Mode.UNKNOWN, EnumValue.of(Mode.class, -1).constant());
        assertSame(Mode.HIGH, EnumValue.of(Mode.class, 0xFFFF_FFFEL).constant());
    }

    @Test
    void anUnknownValueIsKeptRawAndNeverThrows() {
        EnumValue<Mode> value = EnumValue.of(Mode.class, 77);
        assertFalse(value.isKnown());
        assertNull(value.constant());
        assertEquals(77, value.raw());
        assertSame(Mode.ONLINE, value.orElse(Mode.ONLINE));
        assertEquals("UNKNOWN(77)", value.toString());
    }

    @Test
    void flagSetsKeep64BitsAndUnknownBits() {
        long raw = 1L | (1L << 50) | (1L << 40);
        FlagSet<Band> flags = FlagSet.of(Band.class, raw);
        assertEquals(Set.of(Band.BC0_A, Band.LTE_BAND_50), flags.members());
        assertTrue(flags.contains(Band.LTE_BAND_50));
        assertFalse(flags.contains(Band.BC0_B));
        assertFalse(flags.contains(Band.NONE));
        assertEquals(1L << 40, flags.unknownBits());
        assertEquals(raw, flags.raw());
    }

    @Test
    void aFlagSetBuiltFromMembersHasTheirMask() {
        FlagSet<Band> flags = FlagSet.of(Band.class, List.of(Band.BC0_B, Band.LTE_BAND_50));
        assertEquals((1L << 1) | (1L << 50), flags.raw());
        assertEquals(EnumSet.of(Band.BC0_B, Band.LTE_BAND_50), flags.members());
        assertTrue(FlagSet.of(Band.class, 0).contains(Band.NONE));
    }
}
