package org.wwan4j.bench.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;

/**
 * The agent CLI as the launcher runs it: the Java binary, the launcher's flags (and the agent's own for
 * {@code agent}), the class path, the CLI main class.
 */
public final class AgentLaunch {

    /** The CLI entry point of the contract (./wwan4j runs this class). */
    public static final String CLI_MAIN = "org.wwan4j.cli.Wwan4jCli";
    /** The long-running command, which the launcher gives flags of its own (scripts/agent-jvm-flags). */
    public static final String AGENT_COMMAND = "agent";
    /** The CLI's usage exit code: a command that is not built yet exits with it at once. */
    public static final int EXIT_USAGE = 2;

    private AgentLaunch() {}

    /**
     * The launcher's class-data archive, one per CLI command, created by the JVM at the exit of the first run and
     * mapped by every later one (./wwan4j keeps them beside the jar; here, in the run's scratch directory). One
     * directory per {@code java}: an archive sits on its JVM's base archive and is worthless to another.
     */
    public static Path archive(BenchEnvironment environment, String cliCommand) {
        String jvm = Integer.toHexString(environment.javaBinary().toAbsolutePath().toString().hashCode());
        return environment.scratch().resolve("cds").resolve(jvm).resolve(cliCommand + ".jsa");
    }

    private static List<String> archiveFlags(BenchEnvironment environment, String cliCommand) {
        Path archive = archive(environment, cliCommand);
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            return List.of(); // no archive: the JVM runs as without one
        }
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    }

    public static List<String> command(BenchEnvironment environment, List<String> arguments) {
        return command(environment, List.of(), arguments);
    }

    /** As {@link #command(BenchEnvironment, List)}, with JVM flags added after the measured ones. */
    public static List<String> command(BenchEnvironment environment, List<String> extraJvmFlags,
                                       List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(environment.javaBinary().toString());
        command.addAll(AGENT_COMMAND.equals(arguments.getFirst()) ? BenchEnvironment.measuredAgentJvmFlags()
                : BenchEnvironment.measuredJvmFlags());
        command.addAll(extraJvmFlags);
        command.addAll(archiveFlags(environment, arguments.getFirst()));
        command.addAll(List.of("-cp", environment.classPath(), CLI_MAIN));
        command.addAll(arguments);
        return command;
    }
}
