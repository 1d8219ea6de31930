package org.wwan4j.agent.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.modem.RequestSupport.Path;

/** The fallback chains and the memory of refused requests, with scripted answers instead of a modem. */
class RequestSupportTest {

    /** Requests sent, by name. */
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    /** (field, why) of each report. */
    private final List<String> reports = new ArrayList<>();
    private final RequestSupport support = new RequestSupport(
            (what, failure) -> failure instanceof ModemException e ? e
                    : failure instanceof CompletionException c && c.getCause() instanceof ModemException e ? e
                    : new ModemException(Kind.IO, what + ": " + failure, failure),
            (field, why) -> reports.add(field + ": " + why));

    private <T> Supplier<CompletableFuture<T>> answering(String request, T value) {
        return () -> {
            sent.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(value);
        };
    }

    private <T> Supplier<CompletableFuture<T>> failing(String request, Kind kind) {
        return () -> {
            sent.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.failedFuture(new ModemException(kind, request + ": " + kind));
        };
    }

    private int sent(String request) {
        AtomicInteger count = sent.get(request);
        return count == null ? 0 : count.get();
    }

    @Test
    void theNewestSupportedMessageAnswersAndTheOlderOneIsNotAsked() {
        String value = support.firstSupported("ICCID", List.of(
                new Path<>("new", answering("new", "from new")),
                new Path<>("old", answering("old", "from old")))).join();
        assertEquals("from new", value);
        assertEquals(0, sent("old"));
    }

    @Test
    void aRefusedMessageIsAskedOnceAndTheChainFallsBackEveryTime() {
        for (int i = 0; i < 3; i++) {
            String value = support.firstSupported("ICCID", List.of(
                    new Path<>("new", failing("new", Kind.UNSUPPORTED)),
                    new Path<>("old", answering("old", "from old")))).join();
            assertEquals("from old", value);
        }
        assertEquals(1, sent("new"), "refused once, remembered after");
        assertEquals(3, sent("old"));
        assertTrue(support.refused("new"));
        assertEquals(List.of(), reports, "the field was read: nothing to report");
    }

    @Test
    void aFieldNoMessageGivesIsNullAndReportedOnceWithTheReasons() {
        for (int i = 0; i < 3; i++) {
            assertNull(support.firstSupported("signal", List.of(
                    new Path<String>("new", failing("new", Kind.UNSUPPORTED)),
                    new Path<String>("old", failing("old", Kind.UNSUPPORTED)))).join());
        }
        assertEquals(List.of("signal: new: UNSUPPORTED; old: UNSUPPORTED"), reports);
        assertEquals(1, sent("new"));
        assertEquals(1, sent("old"));
    }

    @Test
    void aTimeoutFailsTheReadWithoutFallingBackOrBeingRemembered() {
        CompletableFuture<String> read = support.firstSupported("signal", List.of(
                new Path<>("new", failing("new", Kind.TIMEOUT)),
                new Path<>("old", answering("old", "from old"))));
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                read::join);
        assertEquals(Kind.TIMEOUT, ((ModemException) failure.getCause()).kind());
        assertEquals(0, sent("old"), "a timeout says nothing about the older message");
        assertFalse(support.refused("new"));
        support.firstSupported("signal", List.of(new Path<>("new", answering("new", "ok")))).join();
        assertEquals(2, sent("new"), "asked again: the timeout was no verdict");
    }

    @Test
    void readsRacingTheFirstAskWaitForItsVerdictInsteadOfAskingToo() {
        CompletableFuture<String> firstAnswer = new CompletableFuture<>();
        AtomicInteger asked = new AtomicInteger();
        Supplier<CompletableFuture<String>> pending = () -> {
            asked.incrementAndGet();
            return firstAnswer;
        };
        CompletableFuture<String> one = support.firstSupported("IMSI", List.of(
                new Path<>("new", pending), new Path<>("old", answering("old", "from old"))));
        CompletableFuture<String> two = support.firstSupported("IMSI", List.of(
                new Path<>("new", pending), new Path<>("old", answering("old", "from old"))));
        assertEquals(1, asked.get(), "the second read waits for the first one's answer");
        assertFalse(two.isDone());

        firstAnswer.completeExceptionally(new ModemException(Kind.UNSUPPORTED, "new: InvalidQmiCommand"));
        assertEquals("from old", one.join());
        assertEquals("from old", two.join());
        assertEquals(1, asked.get());
    }

    @Test
    void anAskOfARefusedRequestFailsUnsupportedWithTheModemsReason() {
        support.optional("hardware revision", "DMS Get Hardware Revision",
                failing("DMS Get Hardware Revision", Kind.UNSUPPORTED)).join();
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> support.ask("DMS Get Hardware Revision", answering("DMS Get Hardware Revision", "x")).join());
        ModemException e = (ModemException) failure.getCause();
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertEquals("DMS Get Hardware Revision: UNSUPPORTED", e.getMessage());
        assertEquals(1, sent("DMS Get Hardware Revision"));
        assertEquals(List.of("hardware revision: DMS Get Hardware Revision: UNSUPPORTED"), reports);
    }
}
