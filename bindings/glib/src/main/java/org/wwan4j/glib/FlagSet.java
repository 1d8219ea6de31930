package org.wwan4j.glib;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A C flag set as read from or sent to a modem: the members this build knows, and the raw mask, which keeps bits
 * no member names (newer firmware) and is 64 bits wide (QMI band capabilities go past bit 31).
 *
 * @param members the known members whose bits are all set (zero-valued members are never included)
 * @param raw     the mask as received or to be sent
 */
public record FlagSet<E extends Enum<E> & NativeEnum>(Set<E> members, long raw) {

    public FlagSet {
        members = Set.copyOf(members);
    }

    /** The flags of a raw mask (never throws). */
    public static <E extends Enum<E> & NativeEnum> FlagSet<E> of(Class<E> type, long raw) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E candidate : EnumConstants.of(type)) {
            long bits = candidate.value();
            if (bits != 0 && (raw & bits) == bits) {
                set.add(candidate);
            }
        }
        return new FlagSet<>(set, raw);
    }

    /** The flag set holding exactly these members. */
    public static <E extends Enum<E> & NativeEnum> FlagSet<E> of(Class<E> type, Collection<E> members) {
        long raw = 0;
        for (E member : members) {
            raw |= member.value();
        }
        return of(type, raw);
    }

    public boolean contains(E member) {
        long bits = member.value();
        return bits == 0 ? raw == 0 : (raw & bits) == bits;
    }

    /** Bits set in the mask that no known member accounts for. */
    public long unknownBits() {
        long known = 0;
        for (E member : members) {
            known |= member.value();
        }
        return raw & ~known;
    }

    @Override
    public String toString() {
        String names = members.toString();
        long unknown = unknownBits();
        return unknown == 0 ? names : names + "+0x" + Long.toHexString(unknown);
    }
}
