package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the real qmicli (libqmi-utils) against an emulated port, as a child of the test JVM (a pty belongs to one
 * devpts instance, so the client must live in ours). Every run is bounded, so a bug cannot hang the suite. Either
 * once against a path ({@link #run}, {@link #ok}) or bound to a port ({@link #on}) that is looked up again for every
 * run, since a replugged modem has a new one.
 */
final class Qmicli {

    /** Longest any single qmicli run may take before the test kills it and fails. */
    static final int TIMEOUT_SECONDS = 20;

    /** What a qmicli run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        String all() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Supplier<Path> device;

    private Qmicli(Supplier<Path> device) {
        this.device = device;
    }

    /** qmicli bound to the port {@code device} supplies at each run, e.g. {@code Qmicli.on(emulator::path)}. */
    static Qmicli on(Supplier<Path> device) {
        return new Qmicli(device);
    }

    /** Runs against the bound port, whatever the outcome. */
    Result run(String... args) {
        return run(device.get(), args);
    }

    /** Runs against the bound port and fails the test unless qmicli succeeds. */
    Result ok(String... args) {
        return ok(device.get(), args);
    }

    /** Runs against {@code device} and fails the test unless qmicli succeeds. */
    static Result ok(Path device, String... args) {
        Result result = run(device, args);
        assertTrue(result.ok(), result::toString);
        return result;
    }

    /** Fails the test unless every one of {@code lines} is in what qmicli printed. */
    static void assertHas(Result result, String... lines) {
        for (String line : lines) {
            assertTrue(result.stdout().contains(line), () -> "missing '" + line + "' in\n" + result);
        }
    }

    static Result run(Path device, String... args) {
        return runFor(TIMEOUT_SECONDS, device, args);
    }

    /** Runs with a custom bound; for follow-style commands the test expects to be cut off. */
    static Result runFor(int seconds, Path device, String... args) {
        List<String> command = new ArrayList<>(List.of("timeout", "--signal=INT", "--kill-after=3",
                Integer.toString(seconds), "qmicli", "-d", device.toString(), "--device-open-qmi"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(seconds + 10L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run qmicli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
