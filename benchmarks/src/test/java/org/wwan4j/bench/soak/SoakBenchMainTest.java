package org.wwan4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code bench --soak [MINUTES] [--json]}: what is accepted, and that a refusal names the argument. */
class SoakBenchMainTest {

    private static SoakBenchMain parse(String... args) {
        CommandLine commandLine = SoakBenchMain.commandLine();
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    @Test
    void anHourByDefault() {
        SoakBenchMain soak = parse();
        assertEquals(SoakBenchMain.DEFAULT_MINUTES, soak.minutes);
        assertFalse(soak.json);
    }

    @Test
    void takesTheMinutesAndJson() {
        SoakBenchMain soak = parse("5", "--json");
        assertEquals(5.0, soak.minutes);
        assertTrue(soak.json);
        assertEquals(0.5, parse("--json", "0.5").minutes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "-0.5", "five", "", "NaN", "Infinity"})
    void refusesWhatIsNotAPositiveNumberNamingTheArgument(String minutes) {
        ParameterException refused = assertThrows(ParameterException.class, () -> parse(minutes));
        assertTrue(refused.getMessage().contains("MINUTES"), refused.getMessage());
    }

    @Test
    void aRefusalExitsWithTheUsageCode() {
        assertEquals(2, SoakBenchMain.commandLine().setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("0"));
    }
}
