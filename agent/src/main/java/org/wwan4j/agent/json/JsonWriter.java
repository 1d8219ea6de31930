package org.wwan4j.agent.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps with string keys, lists, strings, numbers, booleans, null) as JSON. Map entries keep
 * their iteration order and null values are written, never left out: the status contract has every key. A number
 * that JSON cannot carry (NaN, an infinity) is written as null rather than as invalid JSON.
 *
 * <p>Pretty output puts one field per line, indented by two spaces, as people and {@code jq} read it.
 */
public final class JsonWriter {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder(1024);
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    public static String write(Object value, boolean pretty) {
        JsonWriter writer = new JsonWriter(pretty);
        writer.value(value, 0);
        return writer.out.toString();
    }

    private void value(Object value, int level) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b.booleanValue());
            case Double d -> finite(d.isNaN() || d.isInfinite(), d);
            case Float f -> finite(f.isNaN() || f.isInfinite(), f);
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case BigInteger big -> out.append(big);
            case BigDecimal big -> out.append(big.toString());
            case Map<?, ?> map -> object(map, level);
            case List<?> list -> array(list, level);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private void finite(boolean notFinite, Number n) {
        out.append(notFinite ? "null" : n.toString());
    }

    private void object(Map<?, ?> map, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(level + 1);
            string(String.valueOf(entry.getKey()));
            out.append(pretty ? " : " : ":");
            value(entry.getValue(), level + 1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        newline(level);
        out.append('}');
    }

    private void array(List<?> list, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(level + 1);
            value(list.get(i), level + 1);
            if (i + 1 < list.size()) {
                out.append(',');
            }
        }
        newline(level);
        out.append(']');
    }

    private void newline(int level) {
        if (pretty) {
            out.append('\n');
            out.append(INDENT.repeat(level));
        }
    }

    private void string(String s) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? unicodeEscape(c) : null;
            };
            if (escape != null) {
                out.append(s, start, i).append(escape);
                start = i + 1;
            }
        }
        out.append(s, start, s.length()).append('"');
    }

    /** Control characters, and the two line separators JavaScript once refused inside strings. */
    private static String unicodeEscape(char c) {
        String hex = Integer.toHexString(c);
        return "\\u" + "0".repeat(4 - hex.length()) + hex;
    }
}
