package org.wwan4j.agent.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemFactory;

/**
 * Opens {@link ScriptedModem}s: the one registered for a path, else a fresh one; records every open. Opens can be
 * made to hang (never complete, like a port that does not answer) or to fail, until the test says otherwise.
 */
public final class ScriptedFactory implements ModemFactory {

    private final Map<Path, ScriptedModem> modems = new ConcurrentHashMap<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    public final List<Path> opened = new CopyOnWriteArrayList<>();
    /** Opens that never completed (while {@link #hangOpens} was set). */
    public final List<CompletableFuture<Modem>> hanging = new CopyOnWriteArrayList<>();
    public volatile boolean hangOpens;
    /** Per open, whether the supervisor asked for a shareable port. */
    public final List<Boolean> shareable = new CopyOnWriteArrayList<>();

    public ScriptedModem modem(Path device) {
        return modems.computeIfAbsent(device, ScriptedModem::new);
    }

    /** The next open fails with this (queued: each call adds one failing open). */
    public synchronized void failNextOpen(RuntimeException failure) {
        failures.add(failure);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol, boolean shareablePort) {
        shareable.add(shareablePort);
        return open(device, protocol);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol) {
        opened.add(device);
        RuntimeException failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (hangOpens) {
            CompletableFuture<Modem> never = new CompletableFuture<>();
            hanging.add(never);
            return never;
        }
        return CompletableFuture.completedFuture(modem(device));
    }
}
