package org.wwan4j.cli;

import java.io.PrintWriter;
import org.wwan4j.agent.modem.ModemException;

/**
 * A failure the CLI reports as one line and an exit code, never a stack trace. Device problems exit 3, timeouts 4,
 * bad input 2 (the contract in {@link Wwan4jCli}).
 */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(Wwan4jCli.EXIT_USAGE, message);
    }

    /** A modem failure: timeouts get their own code so scripts can retry them. */
    static CliFailure of(String device, Throwable failure) {
        if (failure instanceof CliFailure c) {
            return c;
        }
        ModemException e = ModemException.of(failure);
        int code = e.kind() == ModemException.Kind.TIMEOUT ? Wwan4jCli.EXIT_TIMEOUT : Wwan4jCli.EXIT_DEVICE;
        return new CliFailure(code, device + ": " + e.getMessage());
    }

    /**
     * Reports a command's failure in one line on {@code err}, never a stack trace, and returns the exit code:
     * a {@link CliFailure}'s own; anything else is a device error (3).
     */
    static int report(String command, Exception e, PrintWriter err) {
        if (e instanceof CliFailure failure) {
            err.println(command + ": " + failure.getMessage());
            return failure.exitCode();
        }
        err.println(command + ": " + e);
        return Wwan4jCli.EXIT_DEVICE;
    }
}
