package org.wwan4j.agent.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON document (RFC 8259, strictly: no comments, no trailing commas, no single quotes) into plain
 * values: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code String}, {@code Boolean},
 * {@code null}, and numbers as {@code Integer}, {@code Long} or {@code BigInteger} when integral, {@code Double}
 * otherwise. A duplicate key is an error, because a config that says a thing twice is ambiguous; so is anything
 * after the document.
 *
 * <p>Written for the agent's config and status files, which are small: the whole text is in memory, and a
 * recursive descent bounded by {@link #MAX_DEPTH} keeps the stack safe on hostile input.
 */
public final class JsonReader {

    /** Deeper nesting than any config needs, and far from what the reader's thread stack can take. */
    public static final int MAX_DEPTH = 1000;
    /** Longer than any number a config holds; stops a megabyte of digits from reaching BigInteger. */
    public static final int MAX_NUMBER_CHARS = 1000;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value of the document {@code text}; whitespace around it is allowed, nothing else. */
    public static Object read(String text) throws JsonSyntaxException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error(reader.pos, "unexpected content after the JSON value", true);
        }
        return value;
    }

    private Object value() throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error(pos, "unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error(pos, "expected a value");
            }
        };
    }

    private Map<String, Object> object() throws JsonSyntaxException {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error(pos, "expected a field name in double quotes");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':', "expected ':' after a field name");
            skipWhitespace();
            Object value = value();
            if (map.containsKey(key)) {
                throw error(keyAt, "Duplicate field '" + key + "'");
            }
            map.put(key, value);
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                throw error(pos - 1, "expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() throws JsonSyntaxException {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                throw error(pos - 1, "expected ',' or ']' in an array");
            }
        }
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error(pos, "nesting deeper than " + MAX_DEPTH);
        }
    }

    private String string() throws JsonSyntaxException {
        int start = ++pos;
        StringBuilder out = null;
        while (true) {
            if (pos >= text.length()) {
                throw error(start - 1, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error(pos, "control character in a string (escape it)");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, start, pos);
                out.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    /** Reads the escape at {@code pos} (the backslash) and leaves {@code pos} after it. */
    private char escape() throws JsonSyntaxException {
        int at = pos;
        if (pos + 1 >= text.length()) {
            throw error(at, "unterminated string");
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error(at, "incomplete \\u escape");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(pos + i), 16);
                    if (digit < 0) {
                        throw error(at, "bad \\u escape (four hex digits expected)");
                    }
                    code = code * 16 + digit;
                }
                pos += 4;
                // A lone surrogate passes through as Java's String would hold it; the caller's checks decide.
                yield (char) code;
            }
            default -> throw error(at, "unknown escape in a string");
        };
    }

    private Object number() throws JsonSyntaxException {
        int start = pos;
        boolean integral = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error(pos, "expected a digit");
        }
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error(pos, "expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error(pos, "expected a digit in the exponent");
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            throw error(start, "number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        String literal = text.substring(start, pos);
        if (!integral) {
            return Double.parseDouble(literal);
        }
        if (literal.length() <= 18) {
            long value = Long.parseLong(literal);
            // Not a conditional expression: it would unbox both arms and box every number as a Long.
            if (value == (int) value) {
                return Integer.valueOf((int) value);
            }
            return Long.valueOf(value);
        }
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? Long.valueOf(big.longValue()) : big;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error(pos, "expected a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String reason) throws JsonSyntaxException {
        if (peek() != c) {
            throw error(pos, reason);
        }
        pos++;
    }

    /** The character at {@code pos}, or NUL at the end (which no rule accepts). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonSyntaxException error(int at, String reason) {
        return error(at, reason, false);
    }

    private JsonSyntaxException error(int at, String reason, boolean trailing) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(at, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonSyntaxException(line, at - lineStart + 1, reason, trailing);
    }
}
