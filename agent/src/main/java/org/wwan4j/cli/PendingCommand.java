package org.wwan4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command of the CLI contract that is not implemented yet. It is listed in {@code --help} with a "(not built yet)"
 * mark and, when run, says so and exits with the usage code instead of doing nothing silently.
 */
record PendingCommand(String name, String summary, int issue) {

    CommandSpec toCommandSpec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) this::refuse);
        spec.name(name);
        spec.usageMessage().description(summary + " (not built yet)");
        spec.mixinStandardHelpOptions(true);
        // Accept and ignore whatever arguments the finished command will take, so the message below is what users see.
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(String[].class).hidden(true).build());
        spec.parser().unmatchedArgumentsAllowed(true);
        return spec;
    }

    private Integer refuse() {
        System.err.printf("wwan4j %s: not built yet (tracked in issue %d).%n", name, issue);
        return Wwan4jCli.EXIT_USAGE;
    }
}
