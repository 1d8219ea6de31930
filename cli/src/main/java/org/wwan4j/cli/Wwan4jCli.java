package org.wwan4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.wwan4j.cli.log.LogSettings;

/**
 * The {@code wwan4j} command line's entry point (the launcher, the runtime's start script and the bench run this
 * class) and its contract: exit codes 0 success, 2 bad usage or config, 3 device error, 4 timeout. Commands are
 * registered and parsed in {@link RootCommand}, except the daemon's own command line ({@link AgentCommandLine}). No
 * picocli type appears here, not even in a signature: the JVM resolves the main class's method signatures before
 * {@code main} runs, and the daemon should not load picocli at all.
 */
public final class Wwan4jCli {

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

    private Wwan4jCli() {
    }

    /**
     * Logging is set up from the raw arguments before anything else: building the command line already creates
     * loggers (see {@link LogSettings}).
     */
    public static void main(String[] args) {
        LogSettings.fromArguments(args).apply();
        Optional<AgentArguments> agent = AgentCommandLine.parse(args);
        System.exit(agent.isPresent() ? runAgent(agent.get())
                : RootCommand.commandLine(args.length > 0 ? args[0] : null).execute(args));
    }

    /** The daemon without picocli (see {@link AgentCommandLine}); its failures read as they do through picocli. */
    private static int runAgent(AgentArguments arguments) {
        try {
            return AgentRun.run(arguments);
        } catch (Exception e) {
            return CliFailure.report("wwan4j " + AgentCommandLine.COMMAND, e, new PrintWriter(System.err, true));
        }
    }
}
