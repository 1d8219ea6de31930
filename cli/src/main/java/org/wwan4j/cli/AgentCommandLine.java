package org.wwan4j.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.cli.log.LogFormat;
import org.wwan4j.cli.log.LogSettings;

/**
 * {@code wwan4j agent}'s command line read without picocli, so the daemon never loads it. picocli's classes are
 * Java 5 class files, which no class-data archive takes, and its reflection spins method handles; a process that
 * runs for months kept about 2 MB of both (benchmarks/README.md, "Footprint levers, fifth round").
 *
 * <p>Only the plain forms are read here: {@code --option value}, {@code --option=value} and the two flags, each at
 * most once. Anything else ({@code --help}, an unknown or repeated option, a missing value, a port that is not a
 * number, another command) is left to picocli through {@link AgentCommand}, so help and usage errors read as for
 * every other command. {@code AgentCommandLineTest} keeps both readings of the same arguments equal.
 */
final class AgentCommandLine {

    static final String COMMAND = "agent";

    /** The options that take no value. */
    static final Set<String> FLAGS = Set.of(AgentCommand.EVE_MODEM_WATCHDOG, AgentCommand.MBIM_PROXY);
    /** The options that take one, including the log options every command accepts (applied by main already). */
    static final Set<String> VALUED = Set.of(AgentCommand.CONFIG, AgentCommand.EVE_ROOT,
            AgentCommand.EVE_GLOBAL_CONFIG, AgentCommand.STATUS, AgentCommand.METRICS_PORT, AgentCommand.STATE_DIR,
            AgentCommand.KMSG, AgentCommand.SYSFS_ROOT, AgentCommand.DEV_ROOT, LogSettings.LEVEL_OPTION,
            LogSettings.FORMAT_OPTION);

    private AgentCommandLine() {
    }

    /** The agent's arguments, or empty when {@code args} is not a plain agent command line (picocli's to read). */
    static Optional<AgentArguments> parse(String[] args) {
        if (args.length == 0 || !args[0].equals(COMMAND)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (FLAGS.contains(name)) {
                if (equals > 0 || !flags.add(name)) {
                    return Optional.empty();
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                return Optional.empty();
            }
            String value = equals > 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
            if (value == null || value.isEmpty() || looksLikeOption(value) || values.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        if (!validLogOptions(values)) {
            return Optional.empty();
        }
        Integer metricsPort;
        try {
            String port = values.get(AgentCommand.METRICS_PORT);
            metricsPort = port == null ? null : Integer.valueOf(port);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new AgentArguments(path(values, AgentCommand.CONFIG, null),
                path(values, AgentCommand.EVE_ROOT, null), path(values, AgentCommand.EVE_GLOBAL_CONFIG, null),
                flags.contains(AgentCommand.EVE_MODEM_WATCHDOG), path(values, AgentCommand.STATUS, null), metricsPort,
                path(values, AgentCommand.STATE_DIR, AgentOptions.DEFAULT_STATE_DIR),
                path(values, AgentCommand.KMSG, null),
                path(values, AgentCommand.SYSFS_ROOT, SysfsDiscovery.DEFAULT_SYSFS_ROOT),
                path(values, AgentCommand.DEV_ROOT, SysfsDiscovery.DEFAULT_DEV_ROOT),
                flags.contains(AgentCommand.MBIM_PROXY)));
    }

    /** A value that looks like an option (a typo'd flag, {@code --help}) is picocli's to judge. */
    private static boolean looksLikeOption(String value) {
        return value.startsWith("-");
    }

    private static boolean validLogOptions(Map<String, String> values) {
        String level = values.get(LogSettings.LEVEL_OPTION);
        String format = values.get(LogSettings.FORMAT_OPTION);
        return (level == null || LogSettings.LEVELS.contains(level.toLowerCase(Locale.ROOT)))
                && (format == null || LogFormat.NAMES.contains(format.toLowerCase(Locale.ROOT)));
    }

    private static Path path(Map<String, String> values, String option, Path otherwise) {
        String value = values.get(option);
        return value == null ? otherwise : Path.of(value);
    }
}
