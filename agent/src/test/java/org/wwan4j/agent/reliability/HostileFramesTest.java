package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.fault.hostile.HostileOptions;
import org.wwan4j.emulator.fault.hostile.HostileStorm;

/**
 * 10,000 hostile frames (truncated, bad lengths, oversized, bad markers and TLVs, unknown services, mutated copies of
 * real answers and indications, garbage) from the emulator to a {@link Modem} opened through the real libqmi or
 * libmbim, while requests keep being issued: every request completes (normally or with a {@link ModemException})
 * within its bound, no thread dies or leaks, and afterwards the modem works again (reopened if the library's framing
 * was left out of step, as the agent's supervisor would).
 */
@Timeout(600)
@Tag("slow")
class HostileFramesTest {

    /** The size; CI runs it too (about 40 s per protocol here at the rate below). */
    private static final int FRAMES = 10_000;
    /** The long variant sends more, for longer. */
    private static final int LONG_FRAMES = 50_000;
    /** Fast enough that most requests meet a few bad frames, slow enough to leave room for real answers. */
    private static final int FRAMES_PER_SECOND = 250;
    private static final long SEED = 20_260_101;
    /** A request's own bound plus slack for a loaded machine; a future not done by then is a hung request. */
    private static final Duration REQUEST_BOUND = Modem.REQUEST_TIMEOUT.plusSeconds(30);
    private static final Duration OPEN_BOUND = Duration.ofSeconds(90);
    /** Requests in flight together, each round. */
    private static final int CONCURRENT_REQUESTS = 6;
    /** Reopens allowed after the storm before the modem counts as unrecovered. */
    private static final int REOPEN_ATTEMPTS = 3;
    /** Indications keep flowing (and get mutated) during the storm. */
    private static final Duration EMULATOR_TICK = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private EmulatedModem emulator;
    private Modem modem;
    private final ConcurrentLinkedQueue<String> uncaught = new ConcurrentLinkedQueue<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void watchForDyingThreads() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(thread.getName() + ": " + e));
    }

    @AfterEach
    void stop() {
        if (modem != null) {
            modem.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    /** The requests issued during the storm: reads that touch every service the modem uses. */
    private static final List<Function<Modem, CompletableFuture<?>>> REQUESTS = List.of(
            Modem::identity, Modem::power, Modem::sims, Modem::registration, Modem::signal, Modem::counters,
            Modem::bearerSettings);

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"QMI", "MBIM"})
    void everyRequestEndsNoThreadDiesAndTheModemWorksAfterTheStorm(Protocol protocol) throws Exception {
        int frames = Boolean.getBoolean("wwan4j.long") ? LONG_FRAMES : FRAMES;
        emulator = EmulatedModem.start(protocol == Protocol.QMI ? org.wwan4j.emulator.EmulatedProtocol.QMI
                : org.wwan4j.emulator.EmulatedProtocol.MBIM,
                        EmulatorOptions.defaults().withTickInterval(EMULATOR_TICK));
        ModemFactory factory = protocol == Protocol.QMI ? new QmiModemFactory(dir.resolve("state"))
                : new MbimModemFactory(dir.resolve("state"));
        modem = open(factory, protocol);
        // One round first, so every lazily started thread (callback executors, delay schedulers) exists already.
        assertEquals(Map.of("ok", REQUESTS.size()), runRound(REQUESTS.size()));
        Set<Thread> before = liveThreads();

        long start = System.nanoTime();
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        HostileStorm storm = emulator.sendHostileFrames(new HostileOptions(frames, FRAMES_PER_SECOND, SEED));
        int rounds = 0;
        while (!storm.isDone()) {
            if (modem == null) {
                reopen(factory, protocol, outcomes);
                continue;
            }
            Map<String, Integer> round = runRound(CONCURRENT_REQUESTS);
            round.forEach((outcome, n) -> outcomes.merge(outcome, n, Integer::sum));
            rounds++;
            // What the supervisor does: a device libqmi hung up on (it treats a framing error as fatal) is closed,
            // and so is one that answers nothing (libmbim waiting for the bytes a bad header promised); then the
            // port is opened again, under the storm.
            if (round.containsKey("CLOSED") || round.getOrDefault("TIMEOUT", 0) == CONCURRENT_REQUESTS) {
                modem.close();
                modem = null;
            }
        }
        long stormMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(frames, storm.sent());
        System.out.printf("%s: %d hostile frames %s in %d ms; %d request rounds: %s%n", protocol, storm.sent(),
                storm.sentByKind(), stormMillis, rounds, outcomes);

        assertEquals(List.of(), List.copyOf(uncaught), "threads died of uncaught exceptions");
        assertSameThreads(before, "after the storm");

        long recoveryStart = System.nanoTime();
        int reopens = recover(factory, protocol);
        System.out.printf("%s: working again after %d reopen(s) in %d ms%n", protocol, reopens,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recoveryStart));
        Identity identity = modem.identity().get(REQUEST_BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(emulator.state().identity().imei(), identity.imei());
        assertTrue(modem.registration().get(REQUEST_BOUND.toSeconds(), TimeUnit.SECONDS).state() != null);
        assertEquals(List.of(), List.copyOf(uncaught), "threads died of uncaught exceptions");
        assertSameThreads(before, "after recovering");
    }

    /**
     * No thread of the stack under test (bindings, GLib loop, emulator: named "wwan4j-") died or was replaced, and
     * no thread at all appeared that was not there before.
     */
    private static void assertSameThreads(Set<Thread> before, String when) {
        Set<Thread> now = liveThreads();
        Set<Thread> leaked = new java.util.HashSet<>(now);
        leaked.removeAll(before);
        Set<Thread> gone = new java.util.HashSet<>(before);
        gone.removeAll(now);
        gone.removeIf(t -> !t.getName().startsWith("wwan4j-"));
        assertEquals(Map.of(), names(leaked), "threads started and still running " + when);
        assertEquals(Map.of(), names(gone), "threads of the stack that ended " + when);
    }

    /** One bounded open attempt; its outcome is counted, and on success it becomes the modem under test. */
    private void reopen(ModemFactory factory, Protocol protocol, Map<String, Integer> outcomes)
            throws InterruptedException {
        CompletableFuture<Modem> opening = factory.open(emulator.path(), protocol);
        String outcome = outcome(opening, OPEN_BOUND);
        outcomes.merge("open " + outcome, 1, Integer::sum);
        if ("ok".equals(outcome)) {
            modem = opening.join();
        }
    }

    /** Issues {@code count} requests at once and waits for each within its bound; returns outcome counts. */
    private Map<String, Integer> runRound(int count) throws InterruptedException {
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(REQUESTS.get(i % REQUESTS.size()).apply(modem));
        }
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (CompletableFuture<?> future : futures) {
            outcomes.merge(outcome(future), 1, Integer::sum);
        }
        return outcomes;
    }

    private static String outcome(CompletableFuture<?> future) throws InterruptedException {
        return outcome(future, REQUEST_BOUND);
    }

    private static String outcome(CompletableFuture<?> future, Duration bound) throws InterruptedException {
        try {
            future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return "ok";
        } catch (TimeoutException e) {
            return fail("a request did not complete within " + bound);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof ModemException modemException) {
                return modemException.kind().name();
            }
            return fail("a request failed with something other than a ModemException", cause);
        }
    }

    /**
     * Asks the modem as it is; if the library's framing stayed out of step (the answer never comes), closes it
     * and opens the port again, as the supervisor's recovery does. Returns how many reopens it took.
     */
    private int recover(ModemFactory factory, Protocol protocol) throws Exception {
        Map<String, Integer> attempts = new java.util.TreeMap<>();
        for (int reopens = 0; reopens <= REOPEN_ATTEMPTS; reopens++) {
            if (reopens > 0 || modem == null) {
                if (modem != null) {
                    modem.close();
                    modem = null;
                }
                reopen(factory, protocol, attempts);
                if (modem == null) {
                    continue;
                }
            }
            if ("ok".equals(outcome(modem.identity()))) {
                return reopens;
            }
        }
        return fail("the modem did not work again after " + REOPEN_ATTEMPTS + " reopens: " + attempts
                + "; GLib loop thread responsive: " + org.wwan4j.glib.MainLoopThread.shared().sync(
                        Duration.ofSeconds(10)) + "; emulator port " + emulator.path());
    }

    private Modem open(ModemFactory factory, Protocol protocol) throws Exception {
        return factory.open(emulator.path(), protocol).get(OPEN_BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Platform threads now alive, except elastic pools whose workers start on demand and end when idle by design
     * (the common and other fork-join pools, the JDK's process reaper, the bindings' callback threads); a worker
     * killed by an exception is caught by the uncaught-exception handler instead.
     */
    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ForkJoinPool") && !t.getName().equals("process reaper"))
                .filter(t -> !t.getName().startsWith("wwan4j-callback-"))
                // The emulator's storm thread is the test's tool, not the modem's; it ends on its own.
                .filter(t -> !t.getName().equals("wwan4j-emulator-hostile"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Long> names(Set<Thread> threads) {
        return threads.stream().collect(Collectors.groupingBy(Thread::getName, java.util.TreeMap::new,
                Collectors.counting()));
    }
}
