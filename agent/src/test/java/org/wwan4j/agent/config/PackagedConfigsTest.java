package org.wwan4j.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configs the Debian package installs ({@code packaging/agent.json} as {@code /etc/wwan4j/agent.json}, and
 * {@code packaging/examples/*.json}) go through the agent's own parser, and each example shows what its name says.
 * No config the project ships holds a secret: credentials are always a {@code passwordFile}.
 */
class PackagedConfigsTest {

    private static Path packaging;
    private static final Map<String, AgentConfig> EXAMPLES = new LinkedHashMap<>();

    @BeforeAll
    static void parseEveryShippedConfig() throws IOException {
        // Surefire runs in the module's directory; packaging/ is at the repository's root.
        Path here = Path.of("").toAbsolutePath();
        packaging = Files.isDirectory(here.resolve("packaging")) ? here.resolve("packaging")
                : here.getParent().resolve("packaging");
        try (Stream<Path> files = Files.list(packaging.resolve("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                EXAMPLES.put(file.getFileName().toString(), parse(file));
            }
        }
    }

    private static AgentConfig parse(Path file) throws IOException {
        try {
            return ConfigParser.parse(file);
        } catch (ConfigException e) {
            return fail(file + " is refused by the agent's parser: " + e.errors());
        }
    }

    @Test
    void theInstalledConfigManagesTheFirstModemFound() throws IOException {
        AgentConfig config = parse(packaging.resolve("agent.json"));
        assertEquals(1, config.modems().size());
        assertEquals(ModemMatch.ANY, config.modems().getFirst().match());
    }

    @Test
    void theExamplesAreTheFourTheDocsDescribe() {
        assertEquals(List.of("dual-sim.json", "mbim-attach-auth.json", "qmi-single.json", "two-modems.json"),
                List.copyOf(EXAMPLES.keySet()));
    }

    @Test
    void aSingleQmiModemByItsControlPort() {
        ModemConfig modem = only("qmi-single.json");
        assertEquals(Protocol.QMI, modem.protocol());
        assertEquals("/dev/cdc-wdm0", modem.match().device());
    }

    @Test
    void anMbimModemWithAnAttachApnAndAuthenticationFromAPasswordFile() {
        ModemConfig modem = only("mbim-attach-auth.json");
        assertEquals(Protocol.MBIM, modem.protocol());
        assertNotNull(modem.attachAccessPoint());
        assertNotEquals(Auth.NONE, modem.accessPoint().auth());
        assertNotNull(modem.accessPoint().username());
        assertEquals(Path.of("/etc/wwan4j/apn-password"), modem.accessPoint().passwordFile());
    }

    @Test
    void aDualSimModemWithItsSlotChosen() {
        assertEquals(2, only("dual-sim.json").simSlot());
    }

    @Test
    void twoModemsWhoseDefaultRoutesAreOrderedByMetric() {
        List<ModemConfig> modems = EXAMPLES.get("two-modems.json").modems();
        assertEquals(2, modems.size());
        assertTrue(modems.get(0).routeMetric() < modems.get(1).routeMetric(), "the primary's route wins");
        assertNotEquals(modems.get(0).interfaceName(), modems.get(1).interfaceName());
        assertNotEquals(modems.get(0).match(), modems.get(1).match());
    }

    @Test
    void noShippedConfigHoldsAnInlinePassword() throws IOException {
        for (Map.Entry<String, AgentConfig> example : EXAMPLES.entrySet()) {
            for (ModemConfig modem : example.getValue().modems()) {
                assertNull(modem.accessPoint().password(), example.getKey());
                if (modem.attachAccessPoint() != null) {
                    assertNull(modem.attachAccessPoint().password(), example.getKey());
                }
            }
        }
        try (Stream<Path> files = Files.walk(packaging)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertFalse(Files.readString(file).contains("\"password\""), file + " has an inline password");
            }
        }
    }

    private static ModemConfig only(String example) {
        List<ModemConfig> modems = EXAMPLES.get(example).modems();
        assertEquals(1, modems.size(), example);
        return modems.getFirst();
    }
}
