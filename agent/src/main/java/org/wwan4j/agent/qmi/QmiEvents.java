package org.wwan4j.agent.qmi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemListener;
import org.wwan4j.glib.SerialExecutor;

/**
 * Delivers a modem's events to its listeners one at a time, in the order they were posted, on a shared executor
 * (never the GLib loop thread). Indications of different QMI services arrive on separate subscriptions; funnelling
 * them through one {@link SerialExecutor} keeps the modem's order across services without a thread per modem.
 */
final class QmiEvents {

    private static final Logger LOG = LoggerFactory.getLogger(QmiEvents.class);

    private final Executor inOrder;
    private final List<ModemListener> listeners = new CopyOnWriteArrayList<>();

    QmiEvents(Executor executor) {
        this.inOrder = new SerialExecutor(executor);
    }

    AutoCloseable add(ModemListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void post(ModemEvent event) {
        inOrder.execute(() -> deliver(event));
    }

    private void deliver(ModemEvent event) {
        for (ModemListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("modem listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
