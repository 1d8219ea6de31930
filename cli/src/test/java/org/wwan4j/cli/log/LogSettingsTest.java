package org.wwan4j.cli.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void optionsAreFoundAfterTheCommandInBothSpellings() {
        assertEquals(new LogSettings("debug", LogFormat.JSON), LogSettings.fromArguments(
                new String[] {"agent", "--config", "a.json", "--log-level", "DEBUG", "--log-format=json"}));
        assertEquals(new LogSettings("warn", LogFormat.TEXT),
                LogSettings.fromArguments(new String[] {"--log-level=warn", "info", "--device", "/dev/cdc-wdm0"}));
    }

    @Test
    void invalidValuesAreLeftForTheParserToReport() {
        LogSettings settings = LogSettings.fromArguments(new String[] {"agent", "--log-level", "loud",
                "--log-format", "xml"});
        assertNull(settings.level());
        assertEquals(LogFormat.TEXT, settings.format());
        assertEquals(new LogSettings(null, LogFormat.TEXT), LogSettings.fromArguments(new String[] {"agent",
                "--log-level"}));
    }

    @Test
    void theDemoIsQuietUnlessALevelIsAsked() {
        // The surefire JVM sets no level property; the demo's default applies.
        assertEquals("warn", LogSettings.fromArguments(new String[] {"demo"}).level());
        assertEquals("debug", LogSettings.fromArguments(new String[] {"demo", "--log-level", "debug"}).level());
    }

    @Test
    void argumentsAfterADoubleDashAreNotOptions() {
        assertNull(LogSettings.fromArguments(new String[] {"emulator", "--", "--log-level", "trace"}).level());
    }
}
