package org.wwan4j.generator.model;

import java.util.List;

/**
 * Storage width of a C enum, inferred from its values because the GIR does not record it.
 * C compilers (gcc, clang) give an enum {@code int} or {@code unsigned int} when every value fits in 32 bits,
 * and a 64-bit type otherwise; this follows the same rule so constants and signatures match the ABI.
 */
public enum ValueWidth {
    BITS_32, BITS_64;

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public static ValueWidth of(List<EnumMember> members) {
        boolean anyNegative = members.stream().anyMatch(m -> m.value() < 0);
        for (EnumMember member : members) {
            long v = member.value();
            boolean fitsSigned = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            boolean fitsUnsigned = !anyNegative && v >= 0 && v <= UINT32_MAX;
            if (!fitsSigned && !fitsUnsigned) {
                return BITS_64;
            }
        }
        return BITS_32;
    }
}
