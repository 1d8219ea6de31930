package org.wwan4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Reports bad usage in one line. Unlike picocli's own message, an unknown option is named without the value typed
 * after it: {@code connect --pasword s3cret} is a misspelt option whose value is a secret, and the error would
 * otherwise print it (and send it to whatever collects the CLI's stderr).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = "wwan4j " + command.getCommandName();
        String message = e instanceof CommandLine.UnmatchedArgumentException unmatched
                ? describeUnmatched(unmatched.getUnmatched()) : e.getMessage();
        err.println(name + ": " + message);
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + name + " --help'.");
        }
        return Wwan4jCli.EXIT_USAGE;
    }

    /** Names unknown options and stray arguments, except a value right after an unknown option. */
    static String describeUnmatched(List<String> unmatched) {
        List<String> parts = new ArrayList<>();
        boolean afterUnknownOption = false;
        for (String arg : unmatched) {
            boolean option = arg.startsWith("-") && arg.length() > 1;
            if (option) {
                int equals = arg.indexOf('=');
                parts.add("unknown option '" + (equals > 0 ? arg.substring(0, equals) + "=…" : arg) + "'");
            } else if (afterUnknownOption) {
                parts.add("its value (not shown)");
            } else {
                parts.add("unexpected argument '" + arg + "'");
            }
            afterUnknownOption = option;
        }
        return parts.isEmpty() ? "bad usage" : String.join(", ", parts);
    }
}
