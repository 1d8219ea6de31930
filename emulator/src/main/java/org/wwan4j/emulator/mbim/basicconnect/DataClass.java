package org.wwan4j.emulator.mbim.basicconnect;

import java.util.Set;
import org.wwan4j.emulator.model.EmulatedRat;

/** MBIM_DATA_CLASS bits for the neutral radio access technologies. */
public final class DataClass {
    public static final int GPRS = 1;
    public static final int EDGE = 1 << 1;
    public static final int UMTS = 1 << 2;
    public static final int HSDPA = 1 << 3;
    public static final int HSUPA = 1 << 4;
    public static final int LTE = 1 << 5;
    public static final int NR5G_NSA = 1 << 6;
    public static final int NR5G_SA = 1 << 7;

    private DataClass() {
    }

    public static int of(Set<EmulatedRat> rats) {
        int bits = 0;
        for (EmulatedRat rat : rats) {
            bits |= switch (rat) {
                case GSM -> GPRS | EDGE;
                case UMTS -> UMTS | HSDPA | HSUPA;
                case LTE -> LTE;
                case NR5G -> NR5G_NSA;
            };
        }
        return bits;
    }

    /** The technologies a data class mask names (a host's preferred data classes); empty for none. */
    public static Set<EmulatedRat> rats(int bits) {
        Set<EmulatedRat> rats = java.util.EnumSet.noneOf(EmulatedRat.class);
        if ((bits & (GPRS | EDGE)) != 0) {
            rats.add(EmulatedRat.GSM);
        }
        if ((bits & (UMTS | HSDPA | HSUPA)) != 0) {
            rats.add(EmulatedRat.UMTS);
        }
        if ((bits & LTE) != 0) {
            rats.add(EmulatedRat.LTE);
        }
        if ((bits & (NR5G_NSA | NR5G_SA)) != 0) {
            rats.add(EmulatedRat.NR5G);
        }
        return rats;
    }

    /** The single best technology, as Packet Service's HighestAvailableDataClass wants it. */
    public static int highest(Set<EmulatedRat> rats) {
        int all = of(rats);
        return all == 0 ? 0 : Integer.highestOneBit(all);
    }
}
