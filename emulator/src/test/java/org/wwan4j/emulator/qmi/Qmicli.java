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

    /** How qmicli opens a port it cannot identify by driver (a pty): QMI directly. */
    static final String OPEN_QMI = "--device-open-qmi";
    /** QMI carried over MBIM (libqmi's MBIM endpoint), as on Qualcomm MBIM modems. */
    static final String OPEN_MBIM = "--device-open-mbim";

    private final Supplier<Path> device;
    private final List<String> openOptions;

    private Qmicli(Supplier<Path> device, List<String> openOptions) {
        this.device = device;
        this.openOptions = openOptions;
    }

    /** qmicli bound to the port {@code device} supplies at each run, e.g. {@code Qmicli.on(emulator::path)}. */
    static Qmicli on(Supplier<Path> device) {
        return new Qmicli(device, List.of(OPEN_QMI));
    }

    /** The same, opening the port with {@code openOptions} instead (e.g. OPEN_MBIM, or "-p" and OPEN_MBIM). */
    static Qmicli on(Supplier<Path> device, String... openOptions) {
        return new Qmicli(device, List.of(openOptions));
    }

    /** Runs against the bound port, whatever the outcome. */
    Result run(String... args) {
        return runFor(TIMEOUT_SECONDS, device.get(), openOptions, args);
    }

    /** Runs against the bound port with a custom bound, whatever the outcome. */
    Result runFor(int seconds, String... args) {
        return runFor(seconds, device.get(), openOptions, args);
    }

    /** Runs against the bound port and fails the test unless qmicli succeeds. */
    Result ok(String... args) {
        Result result = run(args);
        assertTrue(result.ok(), result::toString);
        return result;
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
        return runFor(seconds, device, List.of(OPEN_QMI), args);
    }

    private static Result runFor(int seconds, Path device, List<String> openOptions, String... args) {
        List<String> command = new ArrayList<>(List.of("timeout", "--signal=INT", "--kill-after=3",
                Integer.toString(seconds), "qmicli", "-d", device.toString()));
        command.addAll(openOptions);
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
