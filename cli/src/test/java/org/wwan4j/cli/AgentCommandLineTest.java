package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.cli.log.LogSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The daemon's command line read without picocli must mean what picocli makes of it, and keep picocli unloaded. */
class AgentCommandLineTest {

    @Test
    void knowsExactlyTheOptionsPicocliDeclares() {
        Set<String> flags = new HashSet<>();
        Set<String> valued = new HashSet<>();
        CommandLine agent = RootCommand.commandLine(AgentCommandLine.COMMAND).getSubcommands()
                .get(AgentCommandLine.COMMAND);
        for (OptionSpec option : agent.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                (option.arity().max() == 0 ? flags : valued).add(name);
            }
        }
        assertEquals(flags, AgentCommandLine.FLAGS);
        assertEquals(valued, AgentCommandLine.VALUED, "the agent's options and the inherited log options");
        assertTrue(valued.containsAll(Set.of(LogSettings.LEVEL_OPTION, LogSettings.FORMAT_OPTION)));
    }

    @Test
    void readsEachPlainCommandLineAsPicocliDoes() {
        List<String[]> commandLines = List.of(
                new String[] {"agent"},
                new String[] {"agent", "--config", "/etc/wwan4j/agent.json"},
                new String[] {"agent", "--config=/c.json", "--status", "/run/s.json", "--state-dir=/var/lib/w",
                        "--kmsg", "/dev/kmsg", "--sysfs-root", "/tmp/sys", "--dev-root=/tmp/dev", "--metrics-port",
                        "9100", "--mbim-proxy", "--log-level", "debug", "--log-format=json"},
                new String[] {"agent", "--eve-root", "/run", "--eve-global-config", "/persist/global.json",
                        "--eve-modem-watchdog", "--metrics-port=0"},
                new String[] {"agent", "--metrics-port", "70000", "--config", "relative/agent.json"});
        for (String[] args : commandLines) {
            Optional<AgentArguments> read = AgentCommandLine.parse(args);
            assertTrue(read.isPresent(), () -> String.join(" ", args) + " is plain");
            assertEquals(picocli(args), read.get(), () -> String.join(" ", args));
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> commandLines = List.of(
                new String[] {},
                new String[] {"info", "--config", "c.json"},
                new String[] {"agent", "--help"},
                new String[] {"agent", "-h"},
                new String[] {"agent", "--version"},
                new String[] {"agent", "--confg", "c.json"},
                new String[] {"agent", "--config"},
                new String[] {"agent", "--config="},
                new String[] {"agent", "--config", "a.json", "--config", "b.json"},
                new String[] {"agent", "--config", "--status", "s.json"},
                new String[] {"agent", "--metrics-port", "ninety"},
                new String[] {"agent", "--metrics-port", "-1"},
                new String[] {"agent", "--mbim-proxy=true"},
                new String[] {"agent", "--mbim-proxy", "--mbim-proxy"},
                new String[] {"agent", "--log-level", "loud"},
                new String[] {"agent", "--log-format", "xml"},
                new String[] {"agent", "stray"},
                new String[] {"agent", "--", "--config", "c.json"});
        for (String[] args : commandLines) {
            assertEquals(Optional.empty(), AgentCommandLine.parse(args), () -> String.join(" ", args));
        }
    }

    /**
     * The launcher's way in, in a JVM of its own that has picocli on its class path: the daemon's command line never
     * loads a picocli class, not even when it fails; a command line left to picocli does (the check's own control).
     */
    @Test
    void theDaemonsStartNeverLoadsPicocli(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        Run daemon = run(dir, "daemon", "agent", "--config", missing.toString(), "--log-level", "warn");
        assertEquals(Wwan4jCli.EXIT_USAGE, daemon.exitCode(), daemon.stderr());
        assertEquals("wwan4j agent: config " + missing + ": no such file", daemon.stderr().strip());
        assertTrue(daemon.loaded().contains(AgentRun.class.getName()), "the class-load log works");
        assertFalse(daemon.loaded().stream().anyMatch(name -> name.startsWith("picocli.")),
                () -> "picocli loaded: " + daemon.loaded().stream().filter(n -> n.startsWith("picocli.")).toList());

        Run typo = run(dir, "typo", "agent", "--confg", missing.toString());
        assertEquals(Wwan4jCli.EXIT_USAGE, typo.exitCode(), typo.stderr());
        assertTrue(typo.stderr().contains("unknown option '--confg'"), typo.stderr());
        assertTrue(typo.loaded().stream().anyMatch(name -> name.startsWith("picocli.")));
    }

    private static AgentArguments picocli(String[] args) {
        CommandLine.ParseResult parsed = RootCommand.commandLine(args[0]).parseArgs(args);
        AgentCommand command = (AgentCommand) parsed.subcommand().commandSpec().userObject();
        return command.arguments();
    }

    private record Run(int exitCode, String stderr, List<String> loaded) {
    }

    private static Run run(Path dir, String name, String... args) throws IOException, InterruptedException {
        Path classLog = dir.resolve(name + "-classes.log");
        Path stderr = dir.resolve(name + "-stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                Wwan4jCli.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + ": the CLI did not exit within 60 s");
        }
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(classLog, StandardCharsets.UTF_8)) {
            int start = line.indexOf("] ") + 2;
            int end = line.indexOf(' ', start);
            if (start > 1 && end > start) {
                loaded.add(line.substring(start, end));
            }
        }
        return new Run(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8), loaded);
    }
}
