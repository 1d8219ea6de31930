package org.wwan4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command of the contract that the {@code ./wwan4j} launcher starts as a program of its own, with its own class
 * path and JVM flags (the benchmark harness). It is listed in help; run in-process, it says how to start it.
 */
record LauncherCommand(String name, String summary) {

    CommandSpec toCommandSpec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) this::redirect);
        spec.name(name);
        spec.usageMessage().description(summary);
        spec.mixinStandardHelpOptions(true);
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(String[].class).hidden(true).build());
        spec.parser().unmatchedArgumentsAllowed(true);
        return spec;
    }

    private Integer redirect() {
        System.err.printf("wwan4j %s: start it through the ./wwan4j launcher (it needs its own class path).%n", name);
        return Wwan4jCli.EXIT_USAGE;
    }
}
