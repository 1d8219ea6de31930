package org.wwan4j.qmi;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.ClosedException;
import org.wwan4j.glib.GObjectRef;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.RequestDeadlines;
import org.wwan4j.glib.SerialExecutor;
import org.wwan4j.glib.SignalConnection;
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
    private final Set<QmiSubscription> subscriptions = ConcurrentHashMap.newKeySet();
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
    final <T> LoopFuture<T> request(String name, Duration timeout, RequestInput requestInput, Start start,
                                    Finish finish, ResultCheck check, Unref unref, Reader<T> reader) {
        QmiInput input = (QmiInput) requestInput;
        if (closed.get()) {
            return failed(closedException());
        }
        ClosedException unusable = binding.device().unusable();
        if (unusable != null) {
            return failed(unusable);
        }
        GObjectRef client = binding.client();
        int seconds = QmiDevice.seconds(timeout);
        LoopFuture<T> future = AsyncCall.start(loop, (cancellable, callback, userData) -> {
            // Read on the loop thread: a client released since the call fails here instead of reaching libqmi.
            MemorySegment self = client.pointer();
            MemorySegment native_ = input == null ? MemorySegment.NULL : input.build();
            try {
                start.start(self, native_, seconds, cancellable, callback, userData);
            } finally {
                if (input != null) {
                    input.unref(native_); // libqmi serialized the request during the call
                }
            }
        }, (source, result, error) -> {
            MemorySegment output = finish.finish(source, result, error); // the source object is the client
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

    /**
     * Connects a listener to an indication signal; generated {@code onXxx} methods call this. The listener runs on
     * {@link LoopFuture#callbacks()}, one indication at a time, in the order the modem sent them.
     */
    final <T> QmiSubscription subscribe(String signal, Reader<T> reader, Consumer<? super T> listener) {
        SerialExecutor inOrder = SerialExecutor.onCallbacks();
        Upcalls.PointerPairHandler handler = (instance, output) -> {
            T value = reader.read(output); // copied here: the bundle is only valid during the emission
            inOrder.execute(() -> listener.accept(value));
        };
        return connect(signal, handler);
    }

    /** Connects a listener to an indication signal without arguments. */
    final QmiSubscription subscribe(String signal, Runnable listener) {
        SerialExecutor inOrder = SerialExecutor.onCallbacks();
        Upcalls.PointerHandler handler = instance -> inOrder.execute(listener);
        return track(SignalConnection.connect(loop, liveClient(), signal, handler, SUBSCRIBE_TIMEOUT));
    }

    private QmiSubscription connect(String signal, Upcalls.PointerPairHandler handler) {
        return track(SignalConnection.connect(loop, liveClient(), signal, handler, SUBSCRIBE_TIMEOUT));
    }

    private GObjectRef liveClient() {
        if (closed.get()) {
            throw closedException();
        }
        return binding.client();
    }

    /** Keeps the subscription until it or the client is closed; closing the client disconnects it. */
    private QmiSubscription track(SignalConnection connection) {
        QmiSubscription[] holder = new QmiSubscription[1];
        QmiSubscription subscription = new QmiSubscription(() -> {
            subscriptions.remove(holder[0]);
            connection.close();
        });
        holder[0] = subscription;
        subscriptions.add(subscription);
        return subscription;
    }

    private ClosedException closedException() {
        return new ClosedException(getClass().getSimpleName() + " is closed");
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
        for (QmiSubscription s : subscriptions) {
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
