package org.wwan4j.qmi;

import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_close_async;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_close_finish;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_new;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_new_finish;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_open;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_open_finish;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.ClosedException;
import org.wwan4j.glib.GObjectRef;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.RequestDeadlines;
import org.wwan4j.glib.SignalConnection;
import org.wwan4j.glib.Upcalls;

/**
 * One open QMI control port ({@code /dev/cdc-wdm0}), through libqmi's {@code QmiDevice}: opens it (directly or
 * through qmi-proxy), allocates clients reusing the CIDs in the {@link QmiCidStore}, and watches "device-removed",
 * which fails every pending request with {@link QmiDeviceRemovedException}. {@link #close()} is idempotent,
 * fails pending requests with {@link ClosedException} and keeps the CIDs of open clients allocated (and stored) for
 * the next process. Every request has libqmi's timeout and a Java-side deadline ({@link RequestDeadlines}: the
 * timeout plus {@link RequestDeadlines#GRACE}), which fails it with a {@link QmiCoreException} ({@code TIMEOUT}).
 */
public final class QmiDevice implements AutoCloseable {

    private final Path path;
    private final QmiDeviceOptions options;
    private final MainLoopThread loop;
    private final GObjectRef device;
    private final RequestDeadlines deadlines = new RequestDeadlines();
    private final QmiClientIds clientIds;
    private final List<Consumer<QmiDevice>> removedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean removed = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SignalConnection removedSignal;

    private QmiDevice(Path path, QmiDeviceOptions options, GObjectRef device, QmiCidStore cids) {
        this.path = path;
        this.options = options;
        this.loop = options.loop();
        this.device = device;
        this.clientIds = new QmiClientIds(loop, device, options, cids, deadlines);
    }

    /** Opens the device; the future fails with a {@link QmiCoreException} if it cannot be opened in time. */
    public static LoopFuture<QmiDevice> open(Path path, QmiDeviceOptions options) {
        QmiErrors.register();
        MainLoopThread loop = options.loop();
        int seconds = seconds(options.timeout());
        LoopFuture<MemorySegment> created = AsyncCall.start(loop, (cancellable, callback, userData) -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment file = g_file_new_for_path(arena.allocateFrom(path.toString()));
                qmi_device_new(file, cancellable, callback, userData);
                g_object_unref(file); // the device keeps its own reference
            }
        }, (source, result, error) -> qmi_device_new_finish(result, error));
        LoopFuture<QmiDevice> opened = new LoopFuture<>();
        created.whenComplete((pointer, failure) -> {
            if (failure != null) {
                opened.completeExceptionally(failure);
                return;
            }
            GObjectRef ref = new GObjectRef(loop, pointer);
            AsyncCall.start(loop,
                    (cancellable, callback, userData) -> qmi_device_open(pointer, (int) options.openMask(), seconds,
                            cancellable, callback, userData),
                    (source, result, error) -> qmi_device_open_finish(pointer, result, error) != 0 ? Boolean.TRUE : null)
                    .whenComplete((ok, openFailure) -> {
                        if (openFailure != null) {
                            ref.close();
                            opened.completeExceptionally(openFailure);
                            return;
                        }
                        QmiDevice qmiDevice;
                        try {
                            QmiCidStore store = options.stateDir() == null ? null
                                    : QmiCidStore.open(options.stateDir(), path);
                            qmiDevice = new QmiDevice(path, options, ref, store);
                            qmiDevice.watchRemoval();
                        } catch (RuntimeException e) {
                            ref.close();
                            opened.completeExceptionally(e);
                            return;
                        }
                        if (!opened.complete(qmiDevice)) {
                            qmiDevice.close(); // the open deadline already failed the future: nobody owns it
                        }
                    });
        });
        // The whole open is bounded too: two libqmi steps, each with its own timeout. A completed open leaves the
        // deadlines at once, so they do not keep the opened device (and whatever listens to it) reachable.
        Duration bound = options.timeout().multipliedBy(2).plus(RequestDeadlines.GRACE);
        RequestDeadlines.bound(opened, bound, () -> QmiErrors.deadline("open " + path, bound));
        opened.whenComplete((device, failure) -> {
            if (failure != null) {
                created.cancel(false); // gave up: stop creating the device if that is still under way
            }
        });
        return opened;
    }

    /** Opens the device with {@link QmiDeviceOptions#defaults()}. */
    public static LoopFuture<QmiDevice> open(Path path) {
        return open(path, QmiDeviceOptions.defaults());
    }

    private void watchRemoval() {
        removedSignal = SignalConnection.connect(loop, device, "device-removed",
                (Upcalls.PointerHandler) instance -> onRemoved(), options.timeout());
    }

    private void onRemoved() {
        if (!removed.compareAndSet(false, true)) {
            return;
        }
        deadlines.failAll(() -> new QmiDeviceRemovedException(path + " was removed"));
        for (Consumer<QmiDevice> listener : removedListeners) {
            LoopFuture.callbacks().execute(() -> listener.accept(this));
        }
    }

    /** Calls the listener (off the loop thread) when libqmi reports the device removed. */
    public void onRemoved(Consumer<QmiDevice> listener) {
        removedListeners.add(listener);
        if (removed.get()) {
            LoopFuture.callbacks().execute(() -> listener.accept(this));
        }
    }

    public boolean isRemoved() {
        return removed.get();
    }

    public Path path() {
        return path;
    }

    public QmiDeviceOptions options() {
        return options;
    }

    MainLoopThread loop() {
        return loop;
    }

    /** The CID store, or null when no state dir was given. */
    public QmiCidStore cidStore() {
        return clientIds.store();
    }

    /** Requests started and not yet finished (finished ones are forgotten at the latest by the next sweep). */
    public int pendingRequests() {
        return deadlines.pendingCount();
    }

    /**
     * Registers a request: device removal, closing and the Java-side deadline (timeout + grace) complete it if libqmi
     * does not.
     */
    <T> LoopFuture<T> track(LoopFuture<T> future, Duration timeout, String what) {
        ClosedException unusable = unusable();
        if (unusable != null) {
            future.failAndCancel(unusable);
            return future;
        }
        return deadlines.watch(future, timeout.plus(RequestDeadlines.GRACE), () -> QmiErrors.deadline(what, timeout));
    }

    /**
     * Why a request must fail before it starts (the device was removed or closed), or null while the device is usable.
     * Checked before libqmi is called: a request started on a removed device would fail there first, with libqmi's
     * own error instead of the removal.
     */
    ClosedException unusable() {
        return removed.get() || closed.get() ? gone() : null;
    }

    /** What a call on a device that is gone fails with: removed, or closed by its owner. */
    private ClosedException gone() {
        return removed.get() ? new QmiDeviceRemovedException(path + " was removed")
                : new ClosedException(path + " is closed");
    }

    /** Allocates a client of the given kind, reusing a stored CID of that service if one is free. */
    public <C extends QmiClient> LoopFuture<C> allocate(QmiClientKind<C> kind) {
        ClosedException unusable = unusable();
        if (unusable != null) {
            LoopFuture<C> f = new LoopFuture<>();
            f.completeExceptionally(unusable);
            return f;
        }
        LoopFuture<C> future = clientIds.allocate(kind, (client, cid) ->
                kind.factory().apply(new QmiClient.Binding(this, new GObjectRef(loop, client), kind, cid)));
        return track(future, options.timeout(), "allocate " + kind.serviceName());
    }

    public LoopFuture<ClientDms> dms() {
        return allocate(ClientDms.KIND);
    }

    public LoopFuture<ClientNas> nas() {
        return allocate(ClientNas.KIND);
    }

    public LoopFuture<ClientWds> wds() {
        return allocate(ClientWds.KIND);
    }

    public LoopFuture<ClientUim> uim() {
        return allocate(ClientUim.KIND);
    }

    public LoopFuture<ClientWda> wda() {
        return allocate(ClientWda.KIND);
    }

    public LoopFuture<ClientLoc> loc() {
        return allocate(ClientLoc.KIND);
    }

    /**
     * Releases (on the modem) the stored CIDs that no client of this process uses, e.g. those a previous process
     * held for services this one does not need; completes with how many were released.
     */
    public LoopFuture<Integer> releaseUnused() {
        return clientIds.releaseUnused();
    }

    /** Releases a client: on the modem too when {@code releaseCid}, else only from libqmi (the CID stays). */
    LoopFuture<Void> release(QmiClient client, boolean releaseCid) {
        return clientIds.release(client, releaseCid);
    }

    /**
     * Closes the device: open clients are detached (their CIDs stay allocated and stored for the next process),
     * pending requests fail, the port is closed. Idempotent; waits a bounded time.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Duration bound = options.timeout().plus(RequestDeadlines.GRACE);
        List<CompletableFuture<Void>> detaching = new ArrayList<>();
        for (QmiClient client : clientIds.live()) {
            detaching.add(release(client, false));
        }
        try {
            CompletableFuture.allOf(detaching.toArray(CompletableFuture[]::new))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Detaching is local to libqmi; go on closing whatever happened.
        }
        deadlines.failAll(() -> new ClosedException(path + " is closed"));
        removedSignal.close(); // queued before the close below
        MemorySegment self = device.pointer();
        int seconds = seconds(options.timeout());
        LoopFuture<Void> closing = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_close_async(self, seconds, cancellable, callback,
                        userData),
                (source, result, error) -> {
                    qmi_device_close_finish(self, result, error);
                    return null;
                });
        try {
            closing.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Closing a port that went away fails; the reference is dropped below either way.
        }
        device.close();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** libqmi timeouts are whole seconds: round up, at least one. */
    static int seconds(Duration timeout) {
        return RequestDeadlines.timeoutSeconds(timeout);
    }

    @Override
    public String toString() {
        return "QmiDevice[" + path + (options.proxy() ? ", proxy" : "") + (closed.get() ? ", closed" : "") + "]";
    }
}
