package org.wwan4j.agent.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemFactory;

/** Opens {@link ScriptedModem}s: the one registered for a path, else a fresh one; records every open. */
public final class ScriptedFactory implements ModemFactory {

    private final Map<Path, ScriptedModem> modems = new ConcurrentHashMap<>();
    public final List<Path> opened = new CopyOnWriteArrayList<>();

    public ScriptedModem modem(Path device) {
        return modems.computeIfAbsent(device, ScriptedModem::new);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol) {
        opened.add(device);
        return CompletableFuture.completedFuture(modem(device));
    }
}
