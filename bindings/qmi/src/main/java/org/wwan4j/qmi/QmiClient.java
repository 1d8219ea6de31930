package org.wwan4j.qmi;

import static org.wwan4j.glib.ffi.glib_h.g_signal_connect_data;
import static org.wwan4j.glib.ffi.glib_h.g_signal_handler_disconnect;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.GObjectRef;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.Upcalls;

/**
 * The base of every generated client ({@code ClientDms}, {@code ClientNas}...): one libqmi {@code QmiClient} of
 * one service with one CID. It runs requests (start on the loop thread, {@code _finish} and the result-TLV check
 * inside the callback, output copied into a record, bundle freed) and indication subscriptions.
 *
 * <p>{@link #close()} releases the CID on the modem and forgets it in the CID store: the client is no longer
 * needed. Closing the device instead keeps the CID allocated and stored for the next process.
 */
public abstract class QmiClient implements AutoCloseable {

    /** What a generated client is constructed from. */
    public record Binding(QmiDevice device, GObjectRef client, QmiClientKind<?> kind, int cid) { }

    @FunctionalInterface
    interface Start {
        void start(MemorySegment self, MemorySegment input, int timeoutSeconds, MemorySegment cancellable,
                   MemorySegment callback, MemorySegment userData);
    }

    @FunctionalInterface
    interface Finish {
        MemorySegment finish(MemorySegment self, MemorySegment result, MemorySegment error);
    }

    @FunctionalInterface
    interface ResultCheck {
        int check(MemorySegment output, MemorySegment error);
    }

    @FunctionalInterface
    interface Unref {
        void unref(MemorySegment output);
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(MemorySegment output);
    }

    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

    private final Binding binding;
    private final MainLoopThread loop;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    QmiClient(Binding binding) {
        this.binding = binding;
        this.loop = binding.device().loop();
    }

    public final QmiDevice device() {
        return binding.device();
    }

    /** The QMI service this client talks to. */
    public final Service service() {
        return binding.kind().service();
    }

    /** The client ID the modem gave (or that was reused from the CID store). */
    public final int cid() {
        return binding.cid();
    }

    public final boolean isClosed() {
        return closed.get();
    }

    final GObjectRef ref() {
        return binding.client();
    }

    final QmiClientKind<?> kind() {
        return binding.kind();
    }

    /** Runs one request; generated methods call this with the request's ffi functions. */
    final <T> LoopFuture<T> request(String name, Duration timeout, QmiInput input, Start start, Finish finish,
                                    ResultCheck check, Unref unref, Reader<T> reader) {
        if (closed.get()) {
            return failed(new IllegalStateException(getClass().getSimpleName() + " is closed"));
        }
        MemorySegment self = binding.client().pointer();
        int seconds = QmiDevice.seconds(timeout);
        LoopFuture<T> future = AsyncCall.start(loop, (cancellable, callback, userData) -> {
            MemorySegment native_ = input == null ? MemorySegment.NULL : input.build();
            try {
                start.start(self, native_, seconds, cancellable, callback, userData);
            } finally {
                if (input != null) {
                    input.unref(native_); // libqmi serialized the request during the call
                }
            }
        }, (source, result, error) -> {
            MemorySegment output = finish.finish(self, result, error);
            if (output.equals(MemorySegment.NULL)) {
                return null; // the error is in the slot
            }
            try {
                return check.check(output, error) == 0 ? null : reader.read(output);
            } finally {
                unref.unref(output);
            }
        });
        return binding.device().track(future, timeout, name);
    }

    /** Connects a listener to an indication signal; generated {@code onXxx} methods call this. */
    final <T> Subscription subscribe(String signal, Reader<T> reader, Consumer<? super T> listener) {
        if (closed.get()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
        MemorySegment self = binding.client().pointer();
        SerialExecutor inOrder = new SerialExecutor(LoopFuture.callbacks());
        Upcalls.PointerPairHandler handler = (instance, output) -> {
            T value = reader.read(output); // copied here: the bundle is only valid during the emission
            inOrder.execute(() -> listener.accept(value));
        };
        LoopFuture<Long> connected = loop.submit(() -> {
            MemorySegment userData = Upcalls.persistent(handler);
            try (Arena arena = Arena.ofConfined()) {
                // DESTROY_NOTIFY forgets the handler when GLib drops the closure (disconnect or finalize).
                return g_signal_connect_data(self, arena.allocateFrom(signal), Upcalls.POINTER_PAIR, userData,
                        Upcalls.DESTROY_NOTIFY, 0);
            }
        });
        long id;
        try {
            id = connected.get(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to '" + signal + "'", e);
        }
        Subscription[] holder = new Subscription[1];
        Subscription subscription = new Subscription(() -> {
            subscriptions.remove(holder[0]);
            if (!closed.get()) {
                loop.execute(() -> {
                    if (!binding.client().isClosed()) {
                        g_signal_handler_disconnect(self, id);
                    }
                });
            }
        });
        holder[0] = subscription;
        subscriptions.add(subscription);
        return subscription;
    }

    /** Releases the CID on the modem and removes it from the CID store; completes when the modem answered. */
    public final LoopFuture<Void> release() {
        return binding.device().release(this, true);
    }

    /** {@link #release()} and waits for it (bounded by the device timeout); idempotent. */
    @Override
    public final void close() {
        if (closed.get()) {
            return;
        }
        try {
            release().get(binding.device().options().timeout().plus(RequestDeadlines.GRACE).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // The client is closed on our side whatever the modem said.
        }
    }

    /** Marks closed and disconnects every subscription; called by the device before unreffing. */
    final boolean markClosed() {
        if (closed.get()) {
            return false;
        }
        // Disconnect first (queued on the loop before the device's unref), then refuse new work.
        for (Subscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
        return closed.compareAndSet(false, true);
    }

    private static <T> LoopFuture<T> failed(Throwable t) {
        LoopFuture<T> f = new LoopFuture<>();
        f.completeExceptionally(t);
        return f;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[cid=" + cid() + (closed.get() ? ", closed" : "") + "]";
    }
}
