package org.wwan4j.agent.modem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What one opened modem has said it cannot do, and the fallback chains built on that memory. Firmware differs in
 * which messages it knows: a newer one answers UIM Read Transparent, an older one only DMS UIM Get ICCID. Each read
 * is a chain of requests, newest first ({@link #firstSupported}); a request the modem refuses as unsupported is
 * remembered and never sent again on this modem (an opened port; a reopen asks once more, since a reset or a
 * firmware update may have changed the answer). Only "unsupported" moves a chain on: a timeout or a rejection is no
 * reason to believe an older message would do better, so it fails the read as it would without a chain.
 *
 * <p>The first request of a kind settles the question for every caller: requests started while it is in flight
 * wait for its verdict instead of asking too, so a refused request is sent exactly once per modem however many
 * reads race. A field no request can give reads null and is reported once, with the modem's reasons.
 *
 * <p>Protocol-neutral: the QMI and MBIM modems pass their own failure mapper and their own event sink.
 */
public final class RequestSupport {

    /**
     * One way to read a value.
     *
     * @param request the request's name as the fallback table in the docs names it, e.g. "NAS Get Signal Info";
     *                what is remembered, so two paths that send the same message must use the same name
     * @param send    sends it; called at most once per read, never after the modem refused it
     */
    public record Path<T>(String request, Supplier<CompletableFuture<T>> send) {
    }

    /** Settled per request name: true once the modem answered it in any way but "unsupported". */
    private final Map<String, CompletableFuture<Boolean>> verdicts = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Set<String> reportedFields = ConcurrentHashMap.newKeySet();
    private final BiFunction<String, Throwable, ModemException> mapper;
    private final BiConsumer<String, String> unavailable;

    /**
     * @param mapper      the protocol's failure mapper (request name, failure) to a {@link ModemException}
     * @param unavailable told once per field that no request could give it: (field, why)
     */
    public RequestSupport(BiFunction<String, Throwable, ModemException> mapper,
            BiConsumer<String, String> unavailable) {
        this.mapper = mapper;
        this.unavailable = unavailable;
    }

    /** Whether the modem refused this request as unsupported (and will not be asked again). */
    public boolean refused(String request) {
        return refusals.containsKey(request);
    }

    /**
     * Sends the request unless the modem already refused it. A refusal is remembered; the future then fails with
     * {@link ModemException.Kind#UNSUPPORTED}, as it does for every later call without anything being sent.
     * Other failures are passed on, and prove nothing about support. Failures are always {@link ModemException}s.
     */
    public <T> CompletableFuture<T> ask(String request, Supplier<CompletableFuture<T>> send) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> verdict = verdicts.putIfAbsent(request, mine);
        if (verdict == null) {
            return sendAndJudge(request, send, mine);
        }
        return verdict.thenCompose(supported -> supported ? send(request, send) : refusedAlready(request));
    }

    /**
     * The value from the first path the modem supports, trying them in order. Completes with null when the modem
     * refused every path (reporting the field once); fails when a path fails in any other way.
     *
     * @param field what the paths read, as status names it ("signal", "ICCID"...): the subject of the report
     */
    public <T> CompletableFuture<T> firstSupported(String field, List<Path<T>> paths) {
        return tryFrom(field, paths, 0, new ArrayList<>());
    }

    /** {@link #firstSupported} with one path: a field that has no older message to fall back on. */
    public <T> CompletableFuture<T> optional(String field, String request, Supplier<CompletableFuture<T>> send) {
        return firstSupported(field, List.of(new Path<>(request, send)));
    }

    /** Reports a field as unavailable, once per modem: for reads that assemble their own chain. */
    public void reportUnavailable(String field, String why) {
        if (reportedFields.add(field)) {
            unavailable.accept(field, why);
        }
    }

    /** Why the modem refused these requests, in order, for a report ("NAS Get Signal Info: ...; ..."). */
    public String reasons(List<String> requests) {
        List<String> parts = new ArrayList<>();
        for (String request : requests) {
            parts.add(refusals.getOrDefault(request, request + ": not supported"));
        }
        return String.join("; ", parts);
    }

    private <T> CompletableFuture<T> tryFrom(String field, List<Path<T>> paths, int index, List<String> tried) {
        if (index == paths.size()) {
            reportUnavailable(field, reasons(tried));
            return CompletableFuture.completedFuture(null);
        }
        Path<T> path = paths.get(index);
        tried.add(path.request());
        return ask(path.request(), path.send())
                .thenApply(CompletableFuture::completedFuture)
                .exceptionally(failure -> {
                    ModemException e = mapper.apply(path.request(), failure);
                    return e.kind() == ModemException.Kind.UNSUPPORTED ? tryFrom(field, paths, index + 1, tried)
                            : CompletableFuture.failedFuture(e);
                })
                .thenCompose(next -> next);
    }

    private <T> CompletableFuture<T> sendAndJudge(String request, Supplier<CompletableFuture<T>> send,
            CompletableFuture<Boolean> verdict) {
        return send(request, send).whenComplete((value, failure) -> {
            if (failure == null) {
                verdict.complete(true);
                return;
            }
            ModemException e = mapper.apply(request, failure);
            if (e.kind() == ModemException.Kind.UNSUPPORTED) {
                refusals.put(request, e.getMessage());
                verdict.complete(false);
            } else {
                // No verdict: the next caller asks again. Those waiting now send their own request.
                verdicts.remove(request, verdict);
                verdict.complete(true);
            }
        });
    }

    /** Sends it; whatever it fails with, it fails with a mapped {@link ModemException}. */
    private <T> CompletableFuture<T> send(String request, Supplier<CompletableFuture<T>> send) {
        CompletableFuture<T> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(mapper.apply(request, e));
        }
        return sent.exceptionallyCompose(failure -> CompletableFuture.failedFuture(mapper.apply(request, failure)));
    }

    private <T> CompletableFuture<T> refusedAlready(String request) {
        return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                refusals.getOrDefault(request, request + ": not supported")));
    }
}
