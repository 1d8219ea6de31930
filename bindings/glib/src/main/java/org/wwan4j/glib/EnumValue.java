package org.wwan4j.glib;

/**
 * A C enum value as read from a modem. Newer firmware sends values this build has never heard of, so reading one
 * never fails: {@code constant} is null for an unknown value and {@code raw} always holds what the modem sent.
 *
 * @param constant the matching constant, or null when the value is unknown
 * @param raw      the value as received
 */
public record EnumValue<E extends Enum<E> & NativeEnum>(E constant, long raw) {

    /** The value for a raw number: the first constant with that value, else unknown (never throws). */
    public static <E extends Enum<E> & NativeEnum> EnumValue<E> of(Class<E> type, long raw) {
        for (E candidate : EnumConstants.of(type)) {
            if (candidate.value() == raw) {
                return new EnumValue<>(candidate, raw);
            }
        }
        return new EnumValue<>(null, raw);
    }

    /** The value of a known constant. */
    public static <E extends Enum<E> & NativeEnum> EnumValue<E> of(E constant) {
        return new EnumValue<>(constant, constant.value());
    }

    public boolean isKnown() {
        return constant != null;
    }

    public boolean is(E candidate) {
        return constant == candidate;
    }

    /** The constant, or {@code fallback} when the value is unknown. */
    public E orElse(E fallback) {
        return constant != null ? constant : fallback;
    }

    @Override
    public String toString() {
        return constant != null ? constant.name() : "UNKNOWN(" + raw + ")";
    }
}
