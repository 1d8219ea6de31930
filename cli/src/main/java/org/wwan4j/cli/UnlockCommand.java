package org.wwan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.PasswordFiles;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.SimLockState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Enters the SIM's PIN once. Like the bearer password, the PIN only comes from a file or standard input, never the
 * command line, and is never printed. A card that needs no PIN is left alone; a PUK-blocked one is reported, not
 * touched (the PUK is for people). A rejected PIN exits 3 with the attempts left, so a script sees how close the
 * card is to its PUK.
 */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Enter the SIM PIN from a file (or - for standard input); prints the SIM lock and attempts left.")
final class UnlockCommand implements Callable<Integer> {

    private static final String STDIN = "-";
    private static final Duration BOUND = Modem.REQUEST_TIMEOUT.plusSeconds(5);

    @Mixin
    ModemOptions modem;

    @Option(names = "--pin-file", required = true, paramLabel = "F",
            description = "File holding the PIN, or - to read it from standard input (never on the command line).")
    String pinFile;

    @Override
    public Integer call() {
        String pin;
        try {
            pin = STDIN.equals(pinFile) ? PasswordFiles.read(System.in, "standard input")
                    : PasswordFiles.read(Path.of(pinFile), "SIM PIN file");
        } catch (IOException e) {
            throw CliFailure.usage("--pin-file " + pinFile + ": " + e.getMessage());
        }
        if (!pin.matches("[0-9]{4,8}")) {
            throw CliFailure.usage("--pin-file " + pinFile + " does not hold a PIN (4 to 8 digits)");
        }
        try (Modem m = modem.open()) {
            SimLock before = modem.await(m.simLock(), BOUND);
            switch (before.state()) {
                case UNLOCKED -> {
                    print(before, "no PIN needed; nothing entered");
                    return 0;
                }
                case PUK_REQUIRED, BLOCKED -> throw new CliFailure(Wwan4jCli.EXIT_DEVICE, modem.device
                        + ": SIM is " + before.state().jsonName() + "; the PIN was not entered");
                default -> { }
            }
            CompletableFuture<ModemException> entered = m.enterPin(pin).handle((ok, failure) ->
                    failure == null ? null : ModemException.of(failure));
            ModemException refused = modem.await(entered, BOUND);
            if (refused != null && refused.kind() != ModemException.Kind.SIM
                    && refused.kind() != ModemException.Kind.REJECTED) {
                throw CliFailure.of(modem.device.toString(), refused);
            }
            SimLock after = modem.await(m.simLock().exceptionally(unknown -> before), BOUND);
            if (refused != null) {
                print(after, null);
                throw new CliFailure(Wwan4jCli.EXIT_DEVICE, modem.device + ": the SIM rejected the PIN"
                        + (after.state() == SimLockState.PUK_REQUIRED ? "; it is now PUK-blocked"
                                : after.pinRetries() == null ? "" : " (" + after.pinRetries() + " attempts left)"));
            }
            print(after, "PIN accepted");
        }
        return 0;
    }

    private static void print(SimLock lock, String note) {
        System.out.println("sim:          " + lock.state().jsonName());
        System.out.println("pinRetries:   " + (lock.pinRetries() == null ? "unknown" : lock.pinRetries()));
        System.out.println("pukRetries:   " + (lock.pukRetries() == null ? "unknown" : lock.pukRetries()));
        if (note != null) {
            System.out.println("note:         " + note);
        }
    }
}
