package org.wwan4j.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    /** Commands of the contract that are not built yet: they say so instead of pretending. */
    static final List<PendingCommand> PENDING = List.of(
            new PendingCommand("info", "One snapshot of one modem (identity, SIMs, registration, signal, bearer, counters).", 6),
            new PendingCommand("scan", "List visible providers, with progress.", 6),
            new PendingCommand("connect", "Bring the data bearer up with an APN.", 6),
            new PendingCommand("disconnect", "Bring the data bearer down.", 6),
            new PendingCommand("radio", "Turn the radio on or off.", 6),
            new PendingCommand("agent", "Run the daemon: config in, status and metrics out.", 6),
            new PendingCommand("demo", "Emulated modems + the agent + a live status view; no hardware, no root.", 6),
            new PendingCommand("bench", "The side-by-side benchmark harness.", 8));

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The full command tree; tests use it to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Wwan4jCli());
        cli.addSubcommand("emulator", new org.wwan4j.emulator.cli.EmulatorCommand());
        for (PendingCommand pending : PENDING) {
            cli.addSubcommand(pending.name(), pending.toCommandSpec());
        }
        return cli;
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
