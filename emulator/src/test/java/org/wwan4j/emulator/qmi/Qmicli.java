package org.wwan4j.emulator.qmi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real qmicli (libqmi-utils) against an emulated port, as a child of the test JVM (a pty belongs to one
 * devpts instance, so the client must live in ours). Every run is bounded, so a bug cannot hang the suite.
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

    private Qmicli() {
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
