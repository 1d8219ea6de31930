package org.wwan4j.emulator.mbim.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real mbimcli (libmbim 1.28) against an emulated port, bounded by a timeout. */
final class Mbimcli {
    static final long TIMEOUT_SECONDS = 20;

    /** What one mbimcli run printed. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private Mbimcli() {
    }

    static Result run(Path device, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mbimcli", "-d", device.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        // mbimcli prints little; reading after exit cannot deadlock on a full pipe at these sizes
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), out, err);
    }
}
