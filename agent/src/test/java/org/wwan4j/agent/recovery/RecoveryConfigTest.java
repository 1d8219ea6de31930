package org.wwan4j.agent.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.config.RecoveryConfig;
import org.wwan4j.agent.config.WatchdogConfig;

/** The per-modem recovery section and the agent's watchdog file in the config file. */
class RecoveryConfigTest {

    private static String modem(String extra) {
        return "{\"modems\": [{\"name\": \"m1\"" + (extra.isEmpty() ? "" : ", " + extra) + "}]}";
    }

    @Test
    void defaultsRebindOffAndAThreeMinuteStallWindowAndNoWatchdog() throws ConfigException {
        AgentConfig config = ConfigParser.parse(modem(""));
        assertEquals(RecoveryConfig.DEFAULT, config.modems().getFirst().recovery());
        assertFalse(config.modems().getFirst().recovery().rebindDriver());
        assertEquals(180, config.modems().getFirst().recovery().stallSeconds());
        assertNull(config.watchdog());
    }

    @Test
    void bothSectionsAreRead() throws ConfigException {
        AgentConfig config = ConfigParser.parse("{\"watchdog\": {\"file\": \"/run/wwan4j.touch\", \"intervalSeconds\": 5},"
                + " \"modems\": [{\"name\": \"m1\", \"recovery\": {\"stallSeconds\": 30, \"rebindDriver\": true}}]}");
        assertEquals(new RecoveryConfig(30, true), config.modems().getFirst().recovery());
        assertEquals(new WatchdogConfig(Path.of("/run/wwan4j.touch"), 5), config.watchdog());
        assertEquals(WatchdogConfig.DEFAULT_INTERVAL_SECONDS,
                ConfigParser.parse("{\"watchdog\": {\"file\": \"/run/w\"}}").watchdog().intervalSeconds());
    }

    @Test
    void badValuesAreNamedByTheirPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse("{\"watchdog\": "
                + "{\"file\": \"relative.touch\", \"intervalSeconds\": 0, \"mode\": 1}, \"modems\": [{\"name\": \"m1\", "
                + "\"recovery\": {\"stallSeconds\": 1, \"rebindDriver\": \"yes\", \"resetModem\": true}}]}"));
        String all = String.join("\n", e.errors());
        assertTrue(all.contains("watchdog.file: \"relative.touch\" is not an absolute file path"), all);
        assertTrue(all.contains("watchdog.intervalSeconds: 0 is out of range 1..3600"), all);
        assertTrue(all.contains("watchdog: unknown key \"mode\""), all);
        assertTrue(all.contains("modems[0].recovery.stallSeconds: 1 is out of range 5..86400"), all);
        assertTrue(all.contains("modems[0].recovery.rebindDriver: \"yes\" is not true or false"), all);
        assertTrue(all.contains("modems[0].recovery: unknown key \"resetModem\""), all);
    }

    @Test
    void aWatchdogWithoutFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse("{\"watchdog\": {}}"));
        assertEquals("watchdog.file: is required", e.errors().getFirst());
    }
}
