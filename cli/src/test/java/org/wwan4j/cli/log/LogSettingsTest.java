package org.wwan4j.cli.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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

    @Test
    void theTextFormatNamesSlf4jSimpleUnlessABindingIsGiven() {
        String provider = System.getProperty(LogSettings.PROVIDER_PROPERTY);
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        try {
            // Named, SLF4J looks for no binding on the class path (a search that opens every jar on it).
            System.clearProperty(LogSettings.PROVIDER_PROPERTY);
            new LogSettings(null, LogFormat.TEXT).apply();
            assertEquals(LogSettings.SIMPLE_PROVIDER, System.getProperty(LogSettings.PROVIDER_PROPERTY));
            assertEquals(LogSettings.SIMPLE_PROVIDER, assertDoesNotThrow(
                    () -> Class.forName(LogSettings.SIMPLE_PROVIDER)).getName(), "slf4j-simple is on the class path");
            // One given with -D is kept.
            System.setProperty(LogSettings.PROVIDER_PROPERTY, "org.example.Provider");
            new LogSettings(null, LogFormat.TEXT).apply();
            assertEquals("org.example.Provider", System.getProperty(LogSettings.PROVIDER_PROPERTY));
            // The binding is made under the platform loader, and the caller's context loader is back afterwards.
            assertSame(contextLoader, Thread.currentThread().getContextClassLoader());
        } finally {
            if (provider == null) {
                System.clearProperty(LogSettings.PROVIDER_PROPERTY);
            } else {
                System.setProperty(LogSettings.PROVIDER_PROPERTY, provider);
            }
        }
    }
}
