package org.wwan4j.mbim;

import static org.wwan4j.mbim.ffi.mbim_message_h.mbim_message_indicate_status_get_cid;
import static org.wwan4j.mbim.ffi.mbim_message_h.mbim_message_indicate_status_get_service;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.glib.GErrors;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.SerialExecutor;

/**
 * The listeners of one device's indications, keyed by service and CID. The device has one "device-indicate-status"
 * connection; {@link #dispatch} runs on the loop thread, parses once per matching listener (the parser copies
 * everything) and hands the value to the listener's own {@link SerialExecutor} on {@link LoopFuture#callbacks()}:
 * each listener sees its indications one at a time, in the order the modem sent them.
 */
final class MbimIndications {

    private static final Logger LOG = LoggerFactory.getLogger(MbimIndications.class);

    private record Listener<T>(int service, long cid, String name, MessageParser<T> parser, Consumer<T> consumer,
                               SerialExecutor inOrder) {
        void deliver(MemorySegment message) {
            T value;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errorSlot = GErrors.newSlot(arena);
                value = parser.parse(message, arena, errorSlot);
                RuntimeException error = GErrors.take(errorSlot);
                if (error != null) {
                    LOG.debug("{}: unparseable indication: {}", name, error.getMessage());
                    return;
                }
            }
            inOrder.execute(() -> consumer.accept(value));
        }
    }

    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();

    <T> MbimSubscription add(int service, long cid, String name, MessageParser<T> parser, Consumer<T> consumer) {
        Listener<T> listener = new Listener<>(service, cid, name, parser, consumer, SerialExecutor.onCallbacks());
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** On the loop thread, inside the signal handler: the message dies when it returns. */
    void dispatch(MemorySegment message) {
        if (listeners.isEmpty()) {
            return;
        }
        int service = mbim_message_indicate_status_get_service(message);
        long cid = Integer.toUnsignedLong(mbim_message_indicate_status_get_cid(message));
        for (Listener<?> listener : listeners) {
            if (listener.service() == service && listener.cid() == cid) {
                listener.deliver(message);
            }
        }
    }

    int size() {
        return listeners.size();
    }
}
