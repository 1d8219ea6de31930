package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real mbimcli (libmbim 1.28) against an emulated port, bounded by a timeout. Either once against a path
 * ({@link #run}, {@link #ok}) or bound to a port ({@link #on}) that is looked up again for every run, since a
 * replugged modem has a new one.
 */
final class Mbimcli {
    static final long TIMEOUT_SECONDS = 20;

    private final Supplier<Path> device;

    /** What one mbimcli run printed. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }

        /** The quoted value mbimcli prints after {@code label:}, e.g. {@code Device type: 'embedded'}. */
        String field(String label) {
            Matcher matcher = Pattern.compile(Pattern.quote(label) + ":\\s*'([^']*)'").matcher(stdout);
            if (!matcher.find()) {
                throw new AssertionError("no '" + label + "' in mbimcli output:\n" + all());
            }
            return matcher.group(1);
        }

        /** The first group of {@code regex} in the output, for lines that are not "label: 'value'". */
        String group(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(stdout);
            if (!matcher.find()) {
                throw new AssertionError("no match for " + regex + " in mbimcli output:\n" + all());
            }
            return matcher.group(1);
        }

        /** Every value printed after {@code label:}, in order (lists such as visible providers). */
        List<String> fields(String label) {
            Matcher matcher = Pattern.compile(Pattern.quote(label) + ":\\s*'([^']*)'").matcher(stdout);
            List<String> values = new ArrayList<>();
            while (matcher.find()) {
                values.add(matcher.group(1));
            }
            return values;
        }

        /** Every value printed as an unquoted {@code label: value} line (the MS extensions' style), in order. */
        List<String> lines(String label) {
            Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + ":[ \\t]*(.*?)\\s*$")
                    .matcher(stdout);
            List<String> values = new ArrayList<>();
            while (matcher.find()) {
                values.add(matcher.group(1));
            }
            return values;
        }

        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("mbimcli failed (" + exitCode + "):\n" + all());
            }
            return this;
        }
    }

    private Mbimcli(Supplier<Path> device) {
        this.device = device;
    }

    /** mbimcli bound to the port {@code device} supplies at each run, e.g. {@code Mbimcli.on(emulator::path)}. */
    static Mbimcli on(Supplier<Path> device) {
        return new Mbimcli(device);
    }

    /** Runs against the bound port, whatever the outcome. */
    Result run(String... arguments) throws IOException, InterruptedException {
        return run(device.get(), arguments);
    }

    /** Runs against the bound port and fails the test unless mbimcli succeeds. */
    Result ok(String... arguments) throws IOException, InterruptedException {
        return ok(device.get(), arguments);
    }

    /** Runs against {@code device} and fails the test unless mbimcli succeeds. */
    static Result ok(Path device, String... arguments) throws IOException, InterruptedException {
        return run(device, arguments).assertSuccess();
    }

    /** The transaction id mbimcli prints to continue a session it left open (--no-close). */
    static String nextTransactionId(Result result) {
        Matcher matcher = Pattern.compile("TRID: '(\\d+)'").matcher(result.stdout());
        assertTrue(matcher.find(), result.all());
        return matcher.group(1);
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
