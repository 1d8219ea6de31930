package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Wwan4jCliTest {

    @Test
    void helpListsEveryCommandOfTheContract() {
        String help = RootCommand.commandLine().getUsageMessage();
        for (String command : new String[] {"info", "scan", "connect", "disconnect", "radio", "unlock", "list", "status", "agent",
                "emulator", "demo", "bench", "runtime", "package"}) {
            assertTrue(help.contains("  " + command + " "), () -> "help does not list " + command + ":\n" + help);
        }
    }

    @Test
    void aRunRegistersOnlyTheCommandItNamesAndHelpOrATypoSeesThemAll() {
        assertEquals(java.util.Set.of("agent"), RootCommand.commandLine("agent").getSubcommands().keySet());
        assertTrue(RootCommand.commandLine("agent").getSubcommands().get("agent").getUsageMessage()
                .contains("--config"), "the agent's own help is whole");
        assertEquals(RootCommand.commandLine().getSubcommands().keySet(),
                RootCommand.commandLine("--help").getSubcommands().keySet());
        assertEquals(RootCommand.commandLine().getSubcommands().keySet(),
                RootCommand.commandLine("agnet").getSubcommands().keySet());
        assertEquals(14, RootCommand.commandLine().getSubcommands().size());
    }

    @Test
    void unknownCommandIsABadUsageExit() {
        CommandLine cli = RootCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(Wwan4jCli.EXIT_USAGE, cli.execute("frobnicate"));
        assertTrue(err.toString().contains("frobnicate"), err::toString);
    }
    @Test
    void aMisspeltOptionIsNamedButTheValueAfterItIsNot() {
        CliRun run = CliRun.of("connect", "--device", "/dev/cdc-wdm9", "--apn", "internet", "--pasword", "Zq7secretX");
        assertEquals(Wwan4jCli.EXIT_USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown option '--pasword'"), run::err);
        assertFalse(run.err().contains("Zq7secretX"), run::err);

        CliRun joined = CliRun.of("connect", "--device", "/dev/cdc-wdm9", "--apn", "internet", "--pasword=Zq7secretX");
        assertEquals(Wwan4jCli.EXIT_USAGE, joined.exitCode(), joined::toString);
        assertTrue(joined.err().contains("'--pasword=…'"), joined::err);
        assertFalse(joined.err().contains("Zq7secretX"), joined::err);
    }

    @Test
    void logOptionsFollowAnyCommandAndABadValueIsAUsageExit() {
        String help = RootCommand.commandLine("agent").getSubcommands().get("agent").getUsageMessage();
        assertTrue(help.contains("--log-level") && help.contains("--log-format"), help);

        CliRun level = CliRun.of("status", "--state-dir", "/nonexistent", "--log-level", "loud");
        assertEquals(Wwan4jCli.EXIT_USAGE, level.exitCode(), level::toString);
        assertTrue(level.err().contains("--log-level 'loud' is not one of off, error, warn, info, debug, trace"),
                level::err);
        CliRun format = CliRun.of("status", "--log-format=xml", "--state-dir", "/nonexistent");
        assertEquals(Wwan4jCli.EXIT_USAGE, format.exitCode(), format::toString);
        assertTrue(format.err().contains("--log-format 'xml' is not one of text, json"), format::err);
    }

    @Test
    void aStrayArgumentIsNamed() {
        CliRun run = CliRun.of("info", "--device", "/dev/cdc-wdm9", "extra");
        assertEquals(Wwan4jCli.EXIT_USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'extra'"), run::err);
    }

    @Test
    void theAgentTakesEitherItsConfigOrEvesRunDirectory() {
        CliRun neither = CliRun.of("agent");
        assertEquals(Wwan4jCli.EXIT_USAGE, neither.exitCode(), neither::toString);
        assertTrue(neither.err().contains("give either --config FILE or --eve-root DIR"), neither::err);
        CliRun both = CliRun.of("agent", "--config", "/etc/wwan4j.json", "--eve-root", "/run");
        assertEquals(Wwan4jCli.EXIT_USAGE, both.exitCode(), both::toString);
        CliRun watchdogAlone = CliRun.of("agent", "--config", "/etc/wwan4j.json", "--eve-modem-watchdog");
        assertEquals(Wwan4jCli.EXIT_USAGE, watchdogAlone.exitCode(), watchdogAlone::toString);
        assertTrue(watchdogAlone.err().contains("--eve-modem-watchdog needs --eve-root"), watchdogAlone::err);
        CliRun globalAlone = CliRun.of("agent", "--config", "/etc/wwan4j.json", "--eve-global-config", "/x.json");
        assertEquals(Wwan4jCli.EXIT_USAGE, globalAlone.exitCode(), globalAlone::toString);
        assertTrue(globalAlone.err().contains("--eve-global-config needs --eve-root"), globalAlone::err);
    }
}
