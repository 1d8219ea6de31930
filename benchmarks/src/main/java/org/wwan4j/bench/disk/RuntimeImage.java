package org.wwan4j.bench.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The minimal runtime {@code scripts/runtime.sh} builds: {@code jre/} (the jlink image), {@code lib/} (the agent's
 * jars) and {@code bin/wwan4j} (the start script), in one directory.
 */
public record RuntimeImage(Path directory) {

    /** jlink, stripping and the check run of the CLI; minutes only on a machine that is very busy. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    public Path jre() {
        return directory.resolve("jre");
    }

    public Path lib() {
        return directory.resolve("lib");
    }

    public Path bin() {
        return directory.resolve("bin");
    }

    /** The image's own {@code java}: its libjvm.so and modules are files no other JVM on the machine maps. */
    public Path java() {
        return jre().resolve("bin").resolve("java");
    }

    /** Runs the CLI from the image with the launcher's flags. */
    public Path startScript() {
        return bin().resolve("wwan4j");
    }

    /** Missing, or built before {@code jar} (the start script is written last, so its time is the build's). */
    public boolean olderThan(Path jar) throws IOException {
        return !Files.isRegularFile(startScript())
                || Files.getLastModifiedTime(startScript()).compareTo(Files.getLastModifiedTime(jar)) < 0;
    }

    /**
     * Builds the image into {@code directory} with {@code scripts/runtime.sh --no-build} from the jars already in
     * {@code cli/target}, with the JDK at {@code javaHome} ({@code cds}: with the image's base class-data archive,
     * {@code --cds}); the script's messages go to {@code log}. Fails with
     * the script's last message (e.g. that the JDK has no jlink).
     */
    public static RuntimeImage build(Path root, Path directory, Path javaHome, boolean cds, Path log)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("scripts/runtime.sh").toString(),
                "--no-build"));
        if (cds) {
            command.add("--cds");
        }
        command.add(directory.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("scripts/runtime.sh did not finish within " + BUILD_TIMEOUT.toMinutes()
                    + " min; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("scripts/runtime.sh failed: " + lastLine(log));
        }
        return new RuntimeImage(directory);
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "no message" : lines.getLast().strip();
    }
}
