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

    public synchronized void thenFail(String error) {
        results.add(Optional.of(error));
    }

    @Override
    public synchronized CompletableFuture<Optional<String>> probe(String interfaceName, BearerSettings settings,
            ProbeConfig probe) {
        probed.add(interfaceName);
        Optional<String> result = results.isEmpty() ? Optional.empty() : results.poll();
        return CompletableFuture.completedFuture(result);
    }
}
