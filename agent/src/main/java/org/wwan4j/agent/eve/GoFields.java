package org.wwan4j.agent.eve;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON object the way Go's {@code encoding/json} fills a struct: keys match field names without regard
 * to case, unknown keys are ignored, a missing key or JSON null leaves the zero value, and a value of the wrong type
 * is an error. Every error is added to a shared list with its path, so one rejected file names all its problems.
 */
final class GoFields {

    /** Go's zero {@code time.Time} as {@code encoding/json} writes it. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final Map<String, Object> object;
    private final String path;
    private final List<String> errors;

    GoFields(Map<String, Object> object, String path, List<String> errors) {
        this.object = object == null ? Map.of() : object;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    List<String> errors() {
        return errors;
    }

    void error(String field, String message) {
        errors.add(pathOf(field) + ": " + message);
    }

    private String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Go prefers an exact key, then any key equal without regard to case. */
    Object raw(String field) {
        if (object.containsKey(field)) {
            return object.get(field);
        }
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    String string(String field) {
        Object v = raw(field);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        error(field, "not a string");
        return "";
    }

    boolean bool(String field) {
        Object v = raw(field);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        error(field, "not a boolean");
        return false;
    }

    /** An unsigned integer of at most {@code bits} bits (Go's uint8, uint16, uint32). */
    long unsigned(String field, int bits) {
        Object v = raw(field);
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            BigInteger n = new BigInteger(v.toString());
            if (n.signum() >= 0 && n.bitLength() <= bits) {
                return n.longValue();
            }
        }
        error(field, v + " is not a uint" + bits);
        return 0;
    }

    /** A time as Go's {@code time.Time} reads it (RFC 3339), kept as written so the echo is byte for byte. */
    String time(String field) {
        Object v = raw(field);
        if (v == null) {
            return ZERO_TIME;
        }
        if (v instanceof String s) {
            try {
                OffsetDateTime.parse(s);
                return s;
            } catch (DateTimeParseException e) {
                error(field, "\"" + s + "\" is not an RFC 3339 time");
                return ZERO_TIME;
            }
        }
        error(field, "not a time string");
        return ZERO_TIME;
    }

    /** A nested struct; absent reads as an empty one. */
    GoFields object(String field) {
        Object v = raw(field);
        if (v != null && !(v instanceof Map)) {
            error(field, "not an object");
            v = null;
        }
        return new GoFields(asObject(v), pathOf(field), errors);
    }

    List<GoFields> objects(String field) {
        List<GoFields> out = new ArrayList<>();
        int i = 0;
        for (Object item : list(field)) {
            String itemPath = pathOf(field) + "[" + i++ + "]";
            if (item instanceof Map) {
                out.add(new GoFields(asObject(item), itemPath, errors));
            } else {
                errors.add(itemPath + ": not an object");
            }
        }
        return out;
    }

    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        for (Object item : list(field)) {
            if (item instanceof String s) {
                out.add(s);
            } else {
                error(field, item + " is not a string");
            }
        }
        return out;
    }

    private List<?> list(String field) {
        Object v = raw(field);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        error(field, "not an array");
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object v) {
        return (Map<String, Object>) v;
    }
}
