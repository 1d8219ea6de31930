package org.wwan4j.generator.api;

import java.util.Locale;
import java.util.Set;
import org.wwan4j.generator.emit.JavaText;

/** Java names for the API layer, derived from GIR snake_case names. */
public final class ApiNames {

    /** Names a record component or method must not take: they would clash with java.lang.Object's members. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("wait", "notify", "notifyAll", "getClass", "hashCode",
            "toString", "equals", "clone", "finalize");

    private ApiNames() {
    }

    /** {@code get_serving_system} gives {@code getServingSystem}; safe as a Java member name. */
    public static String lowerCamel(String snake) {
        String pascal = upperCamel(snake);
        String name = pascal.isEmpty() ? "_" : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
        name = JavaText.identifier(name);
        return OBJECT_MEMBERS.contains(name) ? name + "_" : name;
    }

    /** {@code serving-system} or {@code serving_system} gives {@code ServingSystem}. */
    public static String upperCamel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("[_\\-]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        String name = out.toString();
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }
}
