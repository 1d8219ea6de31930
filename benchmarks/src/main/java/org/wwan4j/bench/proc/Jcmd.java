package org.wwan4j.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a diagnostic command in a live JVM with the {@code jcmd} beside the java binary that started it (the same
 * JDK, so the command exists and its output has the shape the parsers expect). A JVM without native memory tracking
 * answers NMT commands with a sentence instead of figures; that becomes the exception's reason.
 */
public final class Jcmd {

    private static final long TIMEOUT_SECONDS = 30;
    private static final List<String> NMT_OFF = List.of("NMT is disabled", "Native memory tracking is not enabled");

    private final Path binary;

    public Jcmd(Path javaBinary) {
        this.binary = javaBinary.resolveSibling("jcmd");
    }

    public String run(long pid, String... command) throws IOException, InterruptedException {
        if (!Files.isExecutable(binary)) {
            throw new IOException("no jcmd beside the java binary (" + binary + ")");
        }
        List<String> arguments = new ArrayList<>(List.of(binary.toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        // Output to a file, not a pipe: reading a pipe would wait for a hung jcmd past the timeout.
        Path file = Files.createTempFile("wwan4j-jcmd-", ".txt");
        String output;
        try {
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + String.join(" ", command) + " took over " + TIMEOUT_SECONDS + " s");
            }
            output = Files.readString(file, StandardCharsets.UTF_8);
            check(command, process.exitValue(), output);
        } finally {
            Files.deleteIfExists(file);
        }
        return output;
    }

    private static void check(String[] command, int exitValue, String output) throws IOException {
        if (exitValue != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " exited with " + exitValue + ": "
                    + output.strip().lines().reduce((first, last) -> last).orElse(""));
        }
        for (String off : NMT_OFF) {
            if (output.contains(off)) {
                throw new IOException("jcmd " + String.join(" ", command) + ": " + off);
            }
        }
    }
}
