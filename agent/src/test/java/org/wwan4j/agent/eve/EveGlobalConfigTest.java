package org.wwan4j.agent.eve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/**
 * EVE's global config (zedagent's ConfigItemValueMap, the fixture transcribed from Go's encoding of
 * {@code types.ConfigItemValueMap}) read as mmagent reads it: the provider scan switch and the location interval.
 */
class EveGlobalConfigTest {

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path file = dir.resolve("zedagent/ConfigItemValueMap/global.json");
        Files.createDirectories(file.getParent());
        try (InputStream in = EveGlobalConfigTest.class.getResourceAsStream("/eve/config-item-value-map.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theScanSwitchAndHalfTheShorterLocationIntervalComeFromTheFile() throws Exception {
        EveGlobalConfig config = EveGlobalConfig.read(fixture()).orElseThrow();
        assertTrue(config.scanProviders());
        assertEquals(Duration.ofSeconds(15), config.locationInterval(), "min(30 s app, 600 s cloud) / 2");
        SupervisorSettings applied = config.applyTo(SupervisorSettings.DEFAULTS);
        assertEquals(Duration.ofSeconds(15), applied.locationInterval());
        assertEquals(SupervisorSettings.DEFAULTS.scanPeriod(), applied.scanPeriod(), "hourly, as mmagent");
    }

    @Test
    void theFileIsWhereZedagentPublishesItUnderTheRunDirectory() throws Exception {
        Path file = fixture();
        assertEquals(file, new EveRoot(dir).globalConfig());
    }

    @Test
    void withoutAFileTheAgentKeepsItsDefaultsWhichAreEves() {
        assertEquals(Optional.empty(), EveGlobalConfig.read(dir.resolve("absent.json")));
        assertFalse(EveGlobalConfig.DEFAULTS.scanProviders());
        assertEquals(SupervisorSettings.DEFAULT_LOCATION_INTERVAL, EveGlobalConfig.DEFAULTS.locationInterval(),
                "min(20 s, 3600 s) / 2");
    }

    @Test
    void aMissingKeyOrOneOfTheWrongItemTypeKeepsEvesDefault() throws Exception {
        EveGlobalConfig config = EveGlobalConfig.parse("{\"GlobalSettings\":{"
                + "\"wwan.query.visible.providers\":{\"ItemType\":1,\"IntValue\":1,\"BoolValue\":true},"
                + "\"timer.location.cloud.interval\":{\"ItemType\":1,\"IntValue\":300}}}");
        assertFalse(config.scanProviders(), "an int where EVE has a bool is not read");
        assertEquals(Duration.ofSeconds(10), config.locationInterval(), "app stays 20 s, the shorter");
    }

    @Test
    void aBrokenFileKeepsTheAgentsDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("global.json"), "{\"GlobalSettings\":");
        assertEquals(Optional.empty(), EveGlobalConfig.read(file));
    }

    @Test
    void theScanSwitchReachesTheAgentsConfig() throws Exception {
        String wwanConfig = "{\"Networks\":[]}";
        assertTrue(WwanConfigReader.read(wwanConfig, true).agentConfig().scanProviders());
        assertFalse(WwanConfigReader.read(wwanConfig, false).agentConfig().scanProviders());
    }

    @Test
    void theReaderTakesTheSwitchFromTheGlobalConfigReadWithEachWwanConfig() throws Exception {
        WwanConfigReader reader = new WwanConfigReader(dir.resolve("global.json"));
        byte[] wwanConfig = "{\"Networks\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] on = ("{\"GlobalSettings\":{\"wwan.query.visible.providers\":{\"ItemType\":2,"
                + "\"BoolValue\":true}}}").getBytes(StandardCharsets.UTF_8);
        assertFalse(reader.parse(wwanConfig, null).scanProviders(), "no global config: EVE's default");
        assertTrue(reader.parse(wwanConfig, on).scanProviders());
        assertFalse(reader.parse(wwanConfig, "{".getBytes(StandardCharsets.UTF_8)).scanProviders(),
                "a broken global config: EVE's default again");
    }
}
