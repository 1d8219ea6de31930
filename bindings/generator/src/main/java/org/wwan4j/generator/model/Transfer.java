package org.wwan4j.generator.model;

/** Ownership transfer of a value, as the GIR {@code transfer-ownership} attribute says (absent means none). */
public enum Transfer {
    NONE, CONTAINER, FULL;

    public static Transfer of(String girValue) {
        if (girValue == null) {
            return NONE;
        }
        return switch (girValue) {
            case "full" -> FULL;
            case "container" -> CONTAINER;
            default -> NONE;
        };
    }
}
