package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Wwan4jCliTest {

    @Test
    void helpListsEveryCommandOfTheContract() {
        String help = Wwan4jCli.commandLine().getUsageMessage();
        for (String command : new String[] {"info", "scan", "connect", "disconnect", "radio", "agent", "emulator", "demo", "bench"}) {
            assertTrue(help.contains("  " + command + " "), () -> "help does not list " + command + ":\n" + help);
        }
    }

    @Test
    void unknownCommandIsABadUsageExit() {
        CommandLine cli = Wwan4jCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(Wwan4jCli.EXIT_USAGE, cli.execute("frobnicate"));
        assertTrue(err.toString().contains("frobnicate"), err::toString);
    }
}
