package org.wwan4j.agent.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The agent's own JSON reader and writer, checked by hand and against an independent library (jackson-jr). */
class JsonReaderWriterTest {

    @Test
    void readsEveryKindOfValueInOrder() throws Exception {
        Object tree = JsonReader.read(" {\"b\": [1, -2, 3000000000, 12345678901234567890123, 1.5, -2e-3, 0],"
                + " \"a\": {\"t\": true, \"f\": false, \"n\": null}, \"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"} ");
        Map<?, ?> root = (Map<?, ?>) tree;
        assertEquals(List.of("b", "a", "s"), new ArrayList<>(root.keySet()), "insertion order");
        assertEquals(List.of(1, -2, 3_000_000_000L, new BigInteger("12345678901234567890123"), 1.5, -0.002, 0),
                root.get("b"));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("t", true);
        a.put("f", false);
        a.put("n", null);
        assertEquals(a, root.get("a"));
        assertEquals("x\"\\/\b\f\n\r\té\uD83D\uDE00", root.get("s"));
    }

    @Test
    void errorsNameLineAndColumnAndNeverQuoteTheInput() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("{\n  \"password\": hunter2\n}"));
        assertEquals(2, e.line());
        assertEquals(15, e.column());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());

        JsonSyntaxException trailing = assertThrows(JsonSyntaxException.class, () -> JsonReader.read("{} {}"));
        assertTrue(trailing.trailingContent());
        assertEquals(4, trailing.column());

        JsonSyntaxException duplicate = assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("{\"a\":1,\"a\":2}"));
        assertEquals("Duplicate field 'a'", duplicate.reason());
        assertEquals(8, duplicate.column());
    }

    @Test
    void refusesWhatStrictJsonRefuses() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "-", "1e", ".5", "+1",
                "tru", "nul", "\"a", "\"\\x\"", "\"\\u12g4\"", "\"tab\there\"", "[1 2]", "{\"a\" 1}", "{a:1}",
                "// c\n{}", "NaN", "Infinity")) {
            assertThrows(JsonSyntaxException.class, () -> JsonReader.read(bad), bad);
        }
    }

    @Test
    void nestingIsBoundedWithoutOverflowingTheStack() throws Exception {
        int limit = JsonReader.MAX_DEPTH;
        JsonReader.read("[".repeat(limit) + "]".repeat(limit));
        JsonSyntaxException deep = assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("[".repeat(limit + 1) + "]".repeat(limit + 1)));
        assertTrue(deep.reason().contains("nesting deeper than " + limit), deep.reason());
        assertThrows(JsonSyntaxException.class, () -> JsonReader.read("{\"a\":".repeat(100_000)));
        assertThrows(JsonSyntaxException.class, () -> JsonReader.read("1".repeat(JsonReader.MAX_NUMBER_CHARS + 1)));
    }

    @Test
    void writesNullsControlCharactersAndNonFiniteNumbersAsValidJson() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("null", null);
        m.put("nan", Double.NaN);
        m.put("ctl", "a\u0001b\u2028");
        m.put("empty", List.of());
        m.put("none", Map.of());
        assertEquals("{\"null\":null,\"nan\":null,\"ctl\":\"a\\u0001b\\u2028\",\"empty\":[],\"none\":{}}",
                JsonWriter.write(m, false));
        assertEquals("{\n  \"null\" : null,\n  \"nan\" : null,\n  \"ctl\" : \"a\\u0001b\\u2028\",\n  \"empty\" : [],"
                + "\n  \"none\" : {}\n}", JsonWriter.write(m, true));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(new Object()), false));
    }

    /** Random trees: ours round-trips them, and jackson-jr reads what we write as we do (and the other way). */
    @Test
    void agreesWithAnIndependentLibraryOnRandomTrees() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Object tree = randomValue(random, 0);
            for (boolean pretty : new boolean[] {false, true}) {
                String ours = JsonWriter.write(tree, pretty);
                assertEquals(tree, JsonReader.read(ours), ours);
                assertEquals(normalise(JSON.std.anyFrom(ours)), normalise(tree), ours);
                String theirs = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(tree);
                assertEquals(normalise(tree), normalise(JsonReader.read(theirs)), theirs);
            }
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong() | (1L << 40);
            case 4 -> random.nextInt(1000) / 8.0;
            case 5 -> randomString(random);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomString(Random random) {
        char[] pool = "aZ09 \"\\/\n\t\u0001\u00e9\u20ac\u2028".toCharArray();
        char[] s = new char[random.nextInt(8)];
        Arrays.setAll(new int[s.length], i -> s[i] = pool[random.nextInt(pool.length)]);
        return new String(s);
    }

    /** Numbers compared by value (the libraries may pick Integer or Long differently), maps by content. */
    private static Object normalise(Object value) {
        if (value instanceof Number n && !(value instanceof Double)) {
            return new BigInteger(n.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonReaderWriterTest::normalise).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        return value;
    }
}
