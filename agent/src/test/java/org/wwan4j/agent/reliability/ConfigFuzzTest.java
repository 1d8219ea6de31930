package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigParser;

/**
 * Thousands of seeded mutations of a valid config through {@link ConfigParser}: each one either parses or fails
 * with a {@link ConfigException} (never another exception) whose every line starts with the JSON path of the bad
 * field, or with {@code (root)} and the line and column for broken JSON; a password never shows up in a message.
 * A running agent fed bad configs is covered by {@link ConfigFuzzAgentTest}.
 */
@Timeout(300)
class ConfigFuzzTest {

    /** CI: a few thousand; the long variant ten times as many. */
    private static final int MUTANTS = 3_000;
    private static final int LONG_MUTANTS = 30_000;
    private static final long SEED = 77;
    static final String SECRET = "Pa55-fuzz-s3cret";

    /** Every config field with a non-default value, so each has a chance to be mutated. */
    static final String VALID = """
            {"radioSilence": false, "scanProviders": true,
             "modems": [{"name": "m1",
                         "match": {"device": "/dev/cdc-wdm0", "usb": "1-1.4", "pci": "0000:01:00.0",
                                   "interface": "wwan0", "imei": "356938035643809"},
                         "protocol": "qmi", "interface": "wwan0", "simSlot": 1,
                         "accessPoint": {"apn": "private.corp", "ipType": "ipv4v6", "auth": "chap",
                                         "username": "corp", "password": "%s"},
                         "attachAccessPoint": {"apn": "ims", "ipType": "ipv6"},
                         "preferredPlmns": ["26207", "310410"], "preferredRats": ["lte", "5gnr"],
                         "forbidRoaming": true, "mtu": 1400, "routeMetric": 200, "locationTracking": true,
                         "probe": {"method": "tcp", "host": "example.org", "port": 443, "intervalSeconds": 60}},
                        {"name": "m2", "match": {"usb": "2-1"}, "protocol": "mbim"}]}
            """.formatted(SECRET);

    /**
     * One error line: a field path (keys, array indexes) or {@code (root)}, then ": " and the problem. A file-level
     * problem names the file instead (only for {@link ConfigParser#parse(Path)}).
     */
    private static final Pattern ERROR_LINE =
            Pattern.compile("(\\(root\\)|[A-Za-z]\\w*(\\[\\d+])?(\\.[A-Za-z]\\w*(\\[\\d+])?)*): \\S.*");
    /** Broken JSON must say where. */
    private static final Pattern JSON_POSITION = Pattern.compile(".*at line \\d+, column \\d+.*");

    @TempDir
    Path dir;

    @Test
    void theValidConfigParses() throws Exception {
        AgentConfig config = ConfigParser.parse(VALID);
        assertEquals(2, config.modems().size());
        assertEquals(SECRET, config.modems().get(0).accessPoint().password());
    }

    @Test
    void everyMutantParsesOrFailsWithAConfigExceptionNamingWhere() throws Exception {
        int count = Boolean.getBoolean("wwan4j.long") ? LONG_MUTANTS : MUTANTS;
        Map<String, Object> valid = JSON.std.mapFrom(VALID);
        ConfigMutator mutator = new ConfigMutator(SEED);
        Map<ConfigMutator.Kind, int[]> outcomes = new EnumMap<>(ConfigMutator.Kind.class);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ConfigMutator.Mutant mutant = mutator.mutate(valid);
            // Bad UTF-8 only exists as bytes: those go through the file, everything else through both paths.
            boolean rejected = mutant.kind() == ConfigMutator.Kind.BAD_UTF8
                    ? check(i, mutant, () -> ConfigParser.parse(write(mutant.bytes())))
                    : check(i, mutant, () -> ConfigParser.parse(mutant.text()));
            outcomes.computeIfAbsent(mutant.kind(), k -> new int[2])[rejected ? 1 : 0]++;
        }
        StringBuilder summary = new StringBuilder();
        outcomes.forEach((kind, n) -> summary.append(kind).append(" accepted ").append(n[0]).append(" rejected ")
                .append(n[1]).append("; "));
        System.out.printf("config fuzz: %d mutants in %d ms: %s%n", count,
                (System.nanoTime() - start) / 1_000_000, summary);
        assertEquals(ConfigMutator.Kind.values().length, outcomes.size(), "every kind of mutation was tried");
        for (ConfigMutator.Kind kind : new ConfigMutator.Kind[] {ConfigMutator.Kind.WRONG_TYPE,
                ConfigMutator.Kind.UNKNOWN_FIELD, ConfigMutator.Kind.DUPLICATE_KEY, ConfigMutator.Kind.BAD_UTF8,
                ConfigMutator.Kind.TRUNCATED, ConfigMutator.Kind.DEEP_NESTING,
                ConfigMutator.Kind.CONTROL_CHARACTERS}) {
            assertEquals(0, outcomes.get(kind)[0], kind + " must always be rejected");
        }
    }

    @FunctionalInterface
    private interface Parse {
        AgentConfig parse() throws Exception;
    }

    /** Returns true when rejected (with a good message), false when the mutant happened to be valid. */
    private static boolean check(int index, ConfigMutator.Mutant mutant, Parse parse) {
        String what = "mutant " + index + " (" + mutant.kind() + ", seed " + SEED + ")";
        try {
            assertNotNull(parse.parse());
            return false;
        } catch (ConfigException e) {
            assertFalse(e.errors().isEmpty(), what);
            for (String line : e.errors()) {
                assertTrue(ERROR_LINE.matcher(line).matches(), what + ": the error does not start with a path: "
                        + shorten(line));
                assertFalse(line.contains(SECRET), what + ": the password shows in the message");
                if (line.startsWith("(root): invalid JSON")) {
                    assertTrue(JSON_POSITION.matcher(line).matches(), what + ": no position: " + line);
                }
                assertTrue(line.length() < 2_000, what + ": an error line is not one readable line: "
                        + shorten(line));
            }
            return true;
        } catch (Throwable t) {
            return fail(what + " threw " + t + " instead of a ConfigException; input starts "
                    + shorten(mutant.text()), t);
        }
    }

    private Path write(byte[] bytes) throws java.io.IOException {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.write(file, bytes);
        return file;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
