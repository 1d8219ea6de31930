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
 * The {@code wwan4j} command line. The subcommand table below is the single place where commands are registered:
 * parsing, dispatch and {@code --help} all come from it.
 *
 * <p>Exit codes are part of the contract: 0 success, 2 bad usage or config, 3 device error, 4 timeout.
 */
@Command(name = "wwan4j", mixinStandardHelpOptions = true, versionProvider = Wwan4jCli.Version.class,
        description = "Drive QMI and MBIM cellular modems through libqmi/libmbim, in-process.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 success, 2 bad usage or config, 3 device error, 4 timeout."})
public final class Wwan4jCli implements Runnable {

    /** Exit code for bad usage or an invalid config. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an error reported by the device. */
    public static final int EXIT_DEVICE = 3;
    /** Exit code when the device did not answer in time. */
    public static final int EXIT_TIMEOUT = 4;

    /** Commands the ./wwan4j launcher runs as programs of their own; listed here so help shows the whole contract. */
    static final List<LauncherCommand> LAUNCHED = List.of(
            new LauncherCommand("bench", "The side-by-side benchmark harness: ./wwan4j bench [--quick] [--json]."),
            new LauncherCommand("runtime", "A minimal runtime for an edge image: ./wwan4j runtime [--cds] [OUT_DIR]."),
            new LauncherCommand("package", "A Debian package and install tree: ./wwan4j package [OUT_DIR]."));

    /**
     * Logging is set up from the raw arguments before anything else: building the command line already creates
     * loggers (see {@link LogSettings}).
     */
    public static void main(String[] args) {
        LogSettings.fromArguments(args).apply();
        System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
    }

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
        for (LauncherCommand launched : LAUNCHED) {
            commands.put(launched.name(), launched::toCommandSpec);
        }
        return commands;
    }

    /** The full command tree; tests use it to run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree for a run whose first argument is {@code first}: only that subcommand when it names one,
     * else all of them (top-level help, a misspelt command). picocli inspects every registered command by
     * reflection and loads its classes; the daemon should not carry the other seven for its whole life.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Wwan4jCli());
        for (Map.Entry<String, Supplier<Object>> command : COMMANDS.entrySet()) {
            if (first == null || !COMMANDS.containsKey(first) || first.equals(command.getKey())) {
                cli.addSubcommand(command.getKey(), command.getValue().get());
            }
        }
        cli.setExecutionExceptionHandler(Wwan4jCli::failed);
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    /**
     * Every failure is one line naming what went wrong, never a stack trace: {@link CliFailure}s carry their exit
     * code; anything else is a device error (3).
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String name = "wwan4j " + command.getCommandName();
        if (e instanceof CliFailure failure) {
            command.getErr().println(name + ": " + failure.getMessage());
            return failure.exitCode();
        }
        command.getErr().println(name + ": " + e);
        return EXIT_DEVICE;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Wwan4jCli.class.getPackage().getImplementationVersion();
            return new String[] {"wwan4j " + (version == null ? "(development build)" : version)};
        }
    }
}
