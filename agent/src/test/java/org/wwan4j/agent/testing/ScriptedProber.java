package org.wwan4j.agent.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.supervisor.ProbeRunner;

/** Answers probes from a queue of results (success when empty) and records the interfaces probed. */
public final class ScriptedProber implements ProbeRunner {

    private final Deque<Optional<String>> results = new ArrayDeque<>();
    public final List<String> probed = new CopyOnWriteArrayList<>();

    /** Every probe from now on fails with this (after the queued results), until {@link #heal()}. */
    private Optional<String> standingFailure = Optional.empty();

    public synchronized void thenFail(String error) {
        results.add(Optional.of(error));
    }

    public synchronized void failAlways(String error) {
        standingFailure = Optional.of(error);
    }

    public synchronized void heal() {
        standingFailure = Optional.empty();
    }

    @Override
    public synchronized CompletableFuture<Optional<String>> probe(String interfaceName, BearerSettings settings,
            ProbeConfig probe) {
        probed.add(interfaceName);
        Optional<String> result = results.isEmpty() ? standingFailure : results.poll();
        return CompletableFuture.completedFuture(result);
    }
}
