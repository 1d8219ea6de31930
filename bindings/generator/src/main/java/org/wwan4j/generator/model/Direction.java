package org.wwan4j.generator.model;

/** Which way a parameter carries data, as the GIR {@code direction} attribute says (absent means in). */
public enum Direction {
    IN, OUT, INOUT;

    public static Direction of(String girValue) {
        if (girValue == null) {
            return IN;
        }
        return switch (girValue) {
            case "out" -> OUT;
            case "inout" -> INOUT;
            default -> IN;
        };
    }
}
