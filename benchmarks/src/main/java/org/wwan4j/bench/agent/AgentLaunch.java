package org.wwan4j.bench.agent;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;

/** The agent CLI as the launcher runs it: the Java binary, the launcher's flags, the class path, the CLI main class. */
public final class AgentLaunch {

    /** The CLI entry point of the contract (./wwan4j runs this class). */
    public static final String CLI_MAIN = "org.wwan4j.cli.Wwan4jCli";
    /** The CLI's usage exit code: a command that is not built yet exits with it at once. */
    public static final int EXIT_USAGE = 2;

    private AgentLaunch() {}

    public static List<String> command(BenchEnvironment environment, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(environment.javaBinary().toString());
        command.addAll(BenchEnvironment.LAUNCHER_FLAGS);
        command.addAll(List.of("-cp", environment.classPath(), CLI_MAIN));
        command.addAll(arguments);
        return command;
    }
}
