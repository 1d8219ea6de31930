package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated argument vectors for every command, run in-process: each ends within a bound with exit 0
 * (a vector that happened to be valid, e.g. help), 2 (usage) or 3/4 (a device that is not there), and on failure
 * stderr's first line says what is wrong naming an option or a value; never a stack trace, never a bare exception.
 * Devices are paths that do not exist, so nothing here talks to a modem.
 */
@Timeout(600)
@Tag("slow")
class CliFuzzTest {

    private static final int VECTORS = 600;
    private static final int LONG_VECTORS = 6_000;
    private static final long SEED = 31;
    /** Above every command's own bound (the longest, opening a modem, is 40 s); a run past it is a hang. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(90);
    /** A demo asked to run longer than this is left out: it would run that long, as asked. */
    private static final int DEMO_SECONDS_ALLOWED = 5;

    /** A JVM stack frame or an uncaught exception, anywhere in what the CLI printed (log lines included). */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(.*\\)$|Exception in thread");
    /** An exception's toString instead of a message, in the CLI's own lines. */
    private static final Pattern BARE_EXCEPTION = Pattern.compile(
            "^\\S*(java|javax|jdk|sun)\\.[\\w.$]+(Exception|Error)\\b"
            + "|: (java|javax|jdk|sun)\\.[\\w.$]+(Exception|Error)\\b");
    /** Log lines of the emulator/agent and GLib warnings: not the CLI's own error message. */
    private static final Pattern NOISE = Pattern.compile("^(\\[.*|\\(process:\\d+\\).*|\\s*)$");

    @TempDir
    Path dir;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("cli-fuzz-run").daemon(true).unstarted(r));

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    /** A valid-looking vector per command; mutations start from these. */
    private List<List<String>> baseVectors() throws Exception {
        String missing = dir.resolve("no-such-cdc-wdm0").toString();
        Path badConfig = dir.resolve("bad-config.json");
        Files.writeString(badConfig, "{\"modems\": [{\"name\": 7}]}");
        String state = dir.resolve("state").toString();
        return List.of(
                List.of("info", "--device", missing, "--protocol", "qmi", "--json", "--state-dir", state),
                List.of("scan", "--device", missing, "--protocol", "mbim", "--json"),
                List.of("connect", "--device", missing, "--apn", "internet", "--ip-type", "ipv4v6", "--auth", "chap",
                        "--user", "corp", "--password-file", dir.resolve("no-password").toString(), "--no-roaming"),
                List.of("disconnect", "--device", missing, "--protocol", "auto"),
                List.of("radio", "--device", missing, "off"),
                List.of("agent", "--config", badConfig.toString(), "--status", dir.resolve("status.json").toString(),
                        "--metrics-port", "9100", "--state-dir", state, "--kmsg", dir.resolve("kmsg").toString(),
                        "--sysfs-root", dir.toString()),
                List.of("demo", "--duration", "-3"),
                List.of("emulator", "--protocol", "qmi", "--fault", "hang", "--script",
                        dir.resolve("no-script.json").toString(), "--hostile-frames", "10", "--exec", "exit 0"),
                List.of("bench", "--quick", "--json"),
                List.of("--version"));
    }

    @Test
    void everyMutatedVectorEndsBoundedWithAOneLineErrorAndNoStackTrace() throws Exception {
        int count = Boolean.getBoolean("wwan4j.long") ? LONG_VECTORS : VECTORS;
        List<List<String>> bases = baseVectors();
        ArgumentMutator mutator = new ArgumentMutator(new Random(SEED));
        Map<String, Integer> exitCodes = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            List<String> base = bases.get(i % bases.size());
            List<String> args = mutator.mutate(base);
            if (base.getFirst().equals("emulator") && !args.contains("--exec")) {
                // Without --exec the emulator serves until interrupted, by design: keep it a bounded run.
                args.addAll(List.of("--exec", "exit 0"));
            }
            if (base.getFirst().equals("demo") && args.contains("demo") && runsLong(args)) {
                continue; // demo without --duration runs until Ctrl-C, with a long one that long, by design
            }
            CliRun run = runBounded(i, args);
            exitCodes.merge(args.isEmpty() ? "(none)" : args.getFirst() + " " + run.exitCode(), 1, Integer::sum);
            check(i, args, run);
        }
        System.out.printf("cli fuzz: %d vectors in %d ms; exit codes: %s%n", count,
                (System.nanoTime() - start) / 1_000_000, exitCodes);
    }

    @Test
    void randomTokensAloneAreUsageErrors() throws Exception {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 100; i++) {
            List<String> args = new ArrayList<>();
            int tokens = random.nextInt(5);
            for (int t = 0; t < tokens; t++) {
                args.add(ArgumentMutator.randomToken(random));
            }
            CliRun run = runBounded(i, args);
            check(i, args, run);
            if (!args.isEmpty()) {
                assertEquals(2, run.exitCode(), () -> "random tokens " + args + " should be a usage error: " + run);
            }
        }
    }

    /** True unless the vector gives demo a {@code --duration} that is not a valid number of seconds above a few. */
    private static boolean runsLong(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).startsWith("--duration=") ? args.get(i).substring("--duration=".length())
                    : args.get(i).equals("--duration") && i + 1 < args.size() ? args.get(i + 1) : null;
            if (value != null) {
                try {
                    return Integer.parseInt(value) > DEMO_SECONDS_ALLOWED;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void anEmptyDeviceIsAUsageErrorNotAJvmCrash() throws Exception {
        CliRun run = runBounded(0, List.of("info", "--device", "", "--protocol", "mbim"));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--device ''"), run::err);
    }

    @Test
    void aDemoOfZeroSecondsIsAUsageErrorNotARunUntilCtrlC() throws Exception {
        CliRun run = runBounded(0, List.of("demo", "--duration", "0"));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--duration 0"), run::err);
    }

    private CliRun runBounded(int index, List<String> args) throws InterruptedException {
        Future<CliRun> run = runner.submit(() -> CliRun.of(args.toArray(String[]::new)));
        try {
            return run.get(RUN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return fail("vector " + index + " " + args + " did not end within " + RUN_BOUND);
        } catch (ExecutionException e) {
            return fail("vector " + index + " " + args + " threw out of the CLI", e.getCause());
        }
    }

    private static void check(int index, List<String> args, CliRun run) {
        String what = "vector " + index + " " + shorten(args.toString()) + " (seed " + SEED + "): exit "
                + run.exitCode() + ", stderr: " + shorten(run.err());
        assertTrue(List.of(0, 2, 3, 4).contains(run.exitCode()), what);
        assertFalse(STACK_TRACE.matcher(run.err()).find(), "a stack trace: " + what);
        assertFalse(STACK_TRACE.matcher(run.out()).find(), "a stack trace on stdout: " + what);
        // Log lines (the agent's, during demo/emulator runs) may name an exception class; the CLI's own may not.
        assertTrue(run.err().lines().filter(line -> !NOISE.matcher(line).matches())
                .noneMatch(line -> BARE_EXCEPTION.matcher(line).find()), "a bare exception: " + what);
        if (run.exitCode() == 0) {
            return;
        }
        String first = run.err().lines().filter(line -> !NOISE.matcher(line).matches()).findFirst().orElse("");
        assertFalse(first.isBlank(), "no error message: " + what);
        // One line; it may quote what the user typed (a 10,000-character value), but add little to it.
        int typed = args.stream().mapToInt(String::length).sum();
        assertTrue(first.length() < typed + 500, "the error is not one readable line: " + what);
        boolean namesSomething = first.contains("--") || first.contains("'")
                || args.stream().filter(a -> a.length() > 1).anyMatch(first::contains);
        assertTrue(namesSomething, "the error names no option or value: " + what);
    }

    private static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
