package org.wwan4j.agent.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, path-aware access to one JSON object of the config tree. Every problem is added to a shared error list
 * (never thrown), and the keys read are remembered so that the leftovers can be reported as unknown.
 */
final class JsonFields {

    /** Keys whose values are never repeated in an error message. */
    private static final Set<String> SECRET_KEYS = Set.of("password");
    /** Long strings are cut in messages: an error line should stay one readable line. */
    private static final int MAX_ECHOED_CHARS = 64;

    private final Map<String, Object> object;
    private final String path;
    private final List<String> errors;
    private final Set<String> read = new LinkedHashSet<>();

    JsonFields(Map<String, Object> object, String path, List<String> errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    /** The error list shared by the whole tree. */
    List<String> errors() {
        return errors;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(String key, String message) {
        errors.add(pathOf(key) + ": " + message);
    }

    /** The raw value, or null when absent or JSON null. */
    Object raw(String key) {
        read.add(key);
        return object.get(key);
    }

    boolean has(String key) {
        return object.get(key) != null;
    }

    boolean bool(String key, boolean defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        error(key, describe(key, value) + " is not true or false");
        return defaultValue;
    }

    /** A string, or the default when absent or null; the empty string is kept. */
    String string(String key, String defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s) {
            return s;
        }
        error(key, describe(key, value) + " is not a string");
        return defaultValue;
    }

    /** An integer within [min, max], or the default when absent, null or wrong. */
    long integer(String key, long defaultValue, long min, long max) {
        Long value = optionalInteger(key, min, max);
        return value == null ? defaultValue : value;
    }

    Long optionalInteger(String key, long min, long max) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            error(key, describe(key, value) + " is not an integer");
            return null;
        }
        BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
        if (big.compareTo(BigInteger.valueOf(min)) < 0 || big.compareTo(BigInteger.valueOf(max)) > 0) {
            error(key, big + " is out of range " + min + ".." + max);
            return null;
        }
        return big.longValue();
    }

    <E extends Enum<E> & JsonName> E enumValue(String key, Class<E> type, E defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        E parsed = value instanceof String s ? parseEnum(type, s) : null;
        if (parsed == null) {
            error(key, describe(key, value) + " is not one of " + choices(type));
            return defaultValue;
        }
        return parsed;
    }

    /** A nested object, or null when absent or JSON null. */
    JsonFields object(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return new JsonFields(typed, pathOf(key), errors);
        }
        error(key, describe(key, value) + " is not an object");
        return null;
    }

    /** An array, each element converted by {@code element} (which gets the element's path); empty when absent. */
    <T> List<T> array(String key, ElementReader<T> element) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error(key, describe(key, value) + " is not an array");
            return List.of();
        }
        ArrayList<T> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            T converted = element.read(pathOf(key) + "[" + i + "]", list.get(i));
            if (converted != null) {
                result.add(converted);
            }
        }
        return result;
    }

    /** Reports every key that no getter asked for. Call once, after reading all known keys. */
    void rejectUnknownKeys() {
        for (String key : object.keySet()) {
            if (!read.contains(key)) {
                errors.add((path.isEmpty() ? "(root)" : path) + ": unknown key \"" + key + "\" (known: "
                        + String.join(", ", read) + ")");
            }
        }
    }

    @FunctionalInterface
    interface ElementReader<T> {
        /** Converts one element, or adds an error and returns null. */
        T read(String elementPath, Object value);
    }

    static <E extends Enum<E> & JsonName> E parseEnum(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.jsonName().equals(text)) {
                return constant;
            }
        }
        return null;
    }

    static <E extends Enum<E> & JsonName> String choices(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(JsonName::jsonName).toList());
    }

    /** How a bad value is shown: JSON-like, shortened, and redacted under a secret key. */
    static String describe(String key, Object value) {
        if (key != null && SECRET_KEYS.contains(key)) {
            return "(redacted)";
        }
        return describe(value);
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            String shown = s.length() > MAX_ECHOED_CHARS ? s.substring(0, MAX_ECHOED_CHARS) + "..." : s;
            return "\"" + escape(shown) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return String.valueOf(value);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

}
