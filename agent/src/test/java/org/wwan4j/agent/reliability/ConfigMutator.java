package org.wwan4j.agent.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a valid agent config, as bytes: wrong types, out-of-range numbers, unknown fields, nulls,
 * removed keys, huge strings (tree edits), and truncation, deep nesting, duplicate keys, bad UTF-8 and random byte
 * flips (text edits). Tree edits never move a value to another key, so a secret stays where it was put.
 */
final class ConfigMutator {

    /** What a mutation did, for the failure message of a test that trips over it. */
    enum Kind {
        WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_FIELD, NULL_VALUE, REMOVED_KEY, HUGE_STRING, CONTROL_CHARACTERS,
        TRUNCATED, DEEP_NESTING, DUPLICATE_KEY, BAD_UTF8, FLIPPED_BYTES
    }

    record Mutant(Kind kind, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Depths on both sides of the JSON reader's nesting limit (1000), and far beyond. */
    private static final int[] NESTING_DEPTHS = {40, 999, 1_001, 20_000};
    private static final int[] HUGE_STRING_CHARS = {1_000, 100_000, 600_000};
    private static final Object[] OUT_OF_RANGE_NUMBERS = {
        -1, -2_147_483_649L, 4_294_967_296L, Long.MAX_VALUE, new java.math.BigInteger("123456789012345678901234567890"),
        1.5, -0.0, 1e300, 65_536, 86_401, 17
    };
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}
    };
    private static final Pattern KEY = Pattern.compile("\"(\\w+)\"\\s*:");
    private static final String DEEP_MARKER = "__deep__";

    private final Random random;

    ConfigMutator(long seed) {
        this.random = new Random(seed);
    }

    Mutant mutate(Map<String, Object> valid) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return new Mutant(kind, apply(kind, valid));
    }

    private byte[] apply(Kind kind, Map<String, Object> valid) {
        Map<String, Object> tree = deepCopy(valid);
        return switch (kind) {
            case WRONG_TYPE -> edit(tree, (owner, key) -> owner.put(key, otherType(owner.get(key))));
            case OUT_OF_RANGE -> edit(tree, (owner, key) -> owner.put(key,
                    OUT_OF_RANGE_NUMBERS[random.nextInt(OUT_OF_RANGE_NUMBERS.length)]));
            case UNKNOWN_FIELD -> edit(tree, (owner, key) -> owner.put(key + "X" + random.nextInt(100), true));
            case NULL_VALUE -> edit(tree, (owner, key) -> owner.put(key, null));
            case REMOVED_KEY -> edit(tree, Map::remove);
            case HUGE_STRING -> edit(tree, (owner, key) -> owner.put(key,
                    "h".repeat(HUGE_STRING_CHARS[random.nextInt(HUGE_STRING_CHARS.length)])));
            case CONTROL_CHARACTERS -> edit(tree, (owner, key) -> owner.put(key, "a\u0000b\u001b[2J\nc\u007f"));
            case TRUNCATED -> {
                byte[] whole = JsonText.of(tree).getBytes(StandardCharsets.UTF_8);
                yield java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case DEEP_NESTING -> {
                String text = edit(tree, (owner, key) -> owner.put(key, DEEP_MARKER), String.class);
                int depth = NESTING_DEPTHS[random.nextInt(NESTING_DEPTHS.length)];
                boolean arrays = random.nextBoolean();
                String open = arrays ? "[" : "{\"d\":";
                String close = arrays ? "]" : "}";
                yield text.replace("\"" + DEEP_MARKER + "\"", open.repeat(depth) + "1" + close.repeat(depth))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case DUPLICATE_KEY -> duplicateKey(JsonText.of(tree)).getBytes(StandardCharsets.UTF_8);
            case BAD_UTF8 -> insert(JsonText.of(tree).getBytes(StandardCharsets.UTF_8),
                    BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            case FLIPPED_BYTES -> flip(JsonText.of(tree).getBytes(StandardCharsets.UTF_8));
        };
    }

    @FunctionalInterface
    private interface Edit {
        void apply(Map<String, Object> owner, String key);
    }

    private byte[] edit(Map<String, Object> tree, Edit edit) {
        return edit(tree, edit, String.class).getBytes(StandardCharsets.UTF_8);
    }

    /** Applies {@code edit} to one key of one object of the tree, chosen at random, and writes the tree. */
    private String edit(Map<String, Object> tree, Edit edit, Class<String> asText) {
        List<Map<String, Object>> objects = new ArrayList<>();
        collectObjects(tree, objects);
        Map<String, Object> owner = objects.get(random.nextInt(objects.size()));
        if (owner.isEmpty()) {
            owner.put("empty", 1);
        }
        List<String> keys = new ArrayList<>(owner.keySet());
        edit.apply(owner, keys.get(random.nextInt(keys.size())));
        return asText.cast(JsonText.of(tree));
    }

    private Object otherType(Object value) {
        Object[] others = {"text", 42, true, List.of(1, "two"), Map.of("k", "v"), 3.25};
        Object other;
        do {
            other = others[random.nextInt(others.length)];
        } while (other.getClass() == (value == null ? Void.class : value.getClass()));
        return other;
    }

    /** Inserts a second {@code "key": value} right before a key of the text: the same object then has it twice. */
    private String duplicateKey(String text) {
        List<int[]> keys = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            keys.add(new int[] {m.start(), m.end(1)});
        }
        int[] chosen = keys.get(random.nextInt(keys.size()));
        String key = text.substring(chosen[0] + 1, chosen[1]);
        return text.substring(0, chosen[0]) + "\"" + key + "\": 7, " + text.substring(chosen[0]);
    }

    private byte[] insert(byte[] text, byte[] bad) {
        // Inside a string value is where a decoder that replaces bad bytes would let them through unnoticed.
        int quote = indexOfQuoteAfter(text, random.nextInt(text.length));
        int at = quote < 0 ? random.nextInt(text.length) : quote + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(bad);
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }

    private static int indexOfQuoteAfter(byte[] text, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private byte[] flip(byte[] text) {
        byte[] bytes = text.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static void collectObjects(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> map) {
            into.add((Map<String, Object>) map);
            map.values().forEach(v -> collectObjects(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectObjects(v, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return node;
    }

    /** A minimal JSON writer (the tree holds only maps, lists, strings, numbers, booleans and nulls). */
    static final class JsonText {
        private JsonText() {
        }

        static String of(Object node) {
            StringBuilder out = new StringBuilder();
            write(node, out);
            return out.toString();
        }

        private static void write(Object node, StringBuilder out) {
            if (node instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(first ? "" : ", ");
                    first = false;
                    string((String) e.getKey(), out);
                    out.append(": ");
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (node instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (node instanceof String s) {
                string(s, out);
            } else {
                out.append(node);
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
