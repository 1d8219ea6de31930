package org.wwan4j.glib;

/**
 * The constants of each generated enum, looked up once per class. {@code Class.getEnumConstants()} clones its array
 * on every call, and enum values are read on every response and indication.
 */
final class EnumConstants {

    private static final ClassValue<NativeEnum[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected NativeEnum[] computeValue(Class<?> type) {
            return (NativeEnum[]) type.getEnumConstants();
        }
    };

    private EnumConstants() {}

    /** The constants of {@code type}, in declaration order; callers must not modify the array. */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E> & NativeEnum> E[] of(Class<E> type) {
        return (E[]) CONSTANTS.get(type);
    }
}
