package org.wwan4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.wwan4j.cli.log.LogFormat;
import org.wwan4j.cli.log.LogSettings;
import org.wwan4j.emulator.cli.EmulatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code wwan4j} command tree as picocli sees it. The subcommand table below is the single place where commands
 * are registered: parsing, dispatch and {@code --help} all come from it. Kept apart from the entry point
 * ({@link Wwan4jCli}), so that starting the daemon, which reads its command line without picocli, links no picocli
 * class.
 */
@Command(name = "wwan4j", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Drive QMI and MBIM cellular modems through libqmi/libmbim, in-process.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 success, 2 bad usage or config, 3 device error, 4 timeout."})
final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    // Both options take effect in main, before picocli runs; here they are only checked and documented, and
    // inherited so that they may follow any command (`wwan4j agent --config F --log-format json`).

    @Option(names = LogSettings.LEVEL_OPTION, scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "Log level: off, error, warn, info, debug or trace (default: info; warn for demo).")
    void logLevel(String level) {
        check(LogSettings.LEVEL_OPTION, level, LogSettings.LEVELS);
    }

    @Option(names = LogSettings.FORMAT_OPTION, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Log format on stderr: text (default) or json (one object per line: time, level, logger, "
                    + "thread, message).")
    void logFormat(String format) {
        check(LogSettings.FORMAT_OPTION, format, LogFormat.NAMES);
    }

    private void check(String option, String value, List<String> allowed) {
        if (!allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    /** The subcommands in help order; each is only instantiated (and inspected by picocli) when registered. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("info", InfoCommand::new);
        commands.put("scan", ScanCommand::new);
        commands.put("connect", ConnectCommand::new);
        commands.put("disconnect", DisconnectCommand::new);
        commands.put("radio", RadioCommand::new);
        commands.put("unlock", UnlockCommand::new);
        commands.put("list", ListCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("agent", AgentCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("emulator", EmulatorCommand::new);
        for (LauncherCommand launched : Wwan4jCli.LAUNCHED) {
            commands.put(launched.name(), launched::toCommandSpec);
        }
        return commands;
    }

    /** The full command tree; tests use it to run commands in-process. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree for a run whose first argument is {@code first}: only that subcommand when it names one,
     * else all of them (top-level help, a misspelt command). picocli inspects every registered command by
     * reflection and loads its classes; a command should not carry the other seven for its whole life.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new RootCommand());
        for (Map.Entry<String, Supplier<Object>> command : COMMANDS.entrySet()) {
            if (first == null || !COMMANDS.containsKey(first) || first.equals(command.getKey())) {
                cli.addSubcommand(command.getKey(), command.getValue().get());
            }
        }
        cli.setExecutionExceptionHandler(RootCommand::failed);
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    /**
     * Every failure is one line naming what went wrong, never a stack trace: {@link CliFailure}s carry their exit
     * code; anything else is a device error (3).
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        return CliFailure.report("wwan4j " + command.getCommandName(), e, command.getErr());
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"wwan4j " + (version == null ? "(development build)" : version)};
        }
    }
}
