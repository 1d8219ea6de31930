package org.wwan4j.agent.mbim;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemListener;

/**
 * Delivers a modem's events to its listeners one at a time, in the order the notifications arrived. Some events
 * need a request first (a signal notification has no RSRQ; a SIM notification names one slot, the event carries
 * them all), so each event is queued as a future and delivered only after every earlier one.
 * Delivery runs on the MBIM API's callback threads, never on the GLib loop thread.
 */
final class MbimEvents {
    private static final Logger LOG = LoggerFactory.getLogger(MbimEvents.class);

    private final CopyOnWriteArrayList<ModemListener> listeners = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    AutoCloseable add(ModemListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void emit(ModemEvent event) {
        emit(CompletableFuture.completedFuture(event));
    }

    /** Queues an event that is still being worked out; null or a failure means "nothing to say". */
    synchronized void emit(CompletionStage<? extends ModemEvent> pending) {
        tail = tail.thenCompose(ignored -> pending.handle((event, error) -> {
            if (error != null) {
                LOG.debug("event dropped: {}", error.toString());
            }
            return error == null ? event : null;
        })).thenAccept(this::deliver);
    }

    private void deliver(ModemEvent event) {
        if (event == null) {
            return;
        }
        for (ModemListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("modem listener failed on {}", event, e);
            }
        }
    }

    void clear() {
        listeners.clear();
    }
}
