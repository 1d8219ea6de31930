package org.wwan4j.qmi;

import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;
import static org.wwan4j.glib.ffi.glib_h.g_signal_connect_data;
import static org.wwan4j.glib.ffi.glib_h.g_signal_handler_disconnect;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_client_get_cid;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_allocate_client;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_allocate_client_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_close_async;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_close_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_new;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_new_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_open;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_open_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_release_client;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_release_client_finish;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * One open QMI control port ({@code /dev/cdc-wdm0}), through libqmi's {@code QmiDevice}: opens it (directly or
 * through qmi-proxy), allocates clients reusing the CIDs in the {@link CidStore}, and watches "device-removed",
 * which fails every pending request with {@link QmiDeviceRemovedException}. {@link #close()} is idempotent and
 * keeps the CIDs of open clients allocated (and stored) for the next process.
 */
public final class QmiDevice implements AutoCloseable {

    private static final int RELEASE_FLAGS_NONE = 0;

    private final Path path;
    private final QmiDeviceOptions options;
    private final MainLoopThread loop;
    private final GObjectRef device;
    private final CidStore cids;
    private final RequestDeadlines deadlines = new RequestDeadlines();
    private final Set<QmiClient> clients = ConcurrentHashMap.newKeySet();
    private final List<Consumer<QmiDevice>> removedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean removed = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long removedHandlerId;

    private QmiDevice(Path path, QmiDeviceOptions options, GObjectRef device, CidStore cids) {
        this.path = path;
        this.options = options;
        this.loop = options.loop();
        this.device = device;
        this.cids = cids;
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
                        CidStore store = options.stateDir() == null ? null : CidStore.open(options.stateDir(), path);
                        QmiDevice qmiDevice = new QmiDevice(path, options, ref, store);
                        qmiDevice.watchRemoval();
                        opened.complete(qmiDevice);
                    });
        });
        // The whole open is bounded too: two libqmi steps, each with its own timeout.
        Duration bound = options.timeout().multipliedBy(2).plus(RequestDeadlines.GRACE);
        CompletableFuture.delayedExecutor(bound.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (opened.failAndCancel(QmiErrors.deadline("open " + path, bound))) {
                created.cancel(false);
            }
        });
        return opened;
    }

    /** Opens the device with {@link QmiDeviceOptions#defaults()}. */
    public static LoopFuture<QmiDevice> open(Path path) {
        return open(path, QmiDeviceOptions.defaults());
    }

    private void watchRemoval() {
        Upcalls.PointerHandler handler = instance -> onRemoved();
        try {
            removedHandlerId = loop.submit(() -> {
                MemorySegment userData = Upcalls.persistent(handler);
                try (Arena arena = Arena.ofConfined()) {
                    return g_signal_connect_data(device.pointer(), arena.allocateFrom("device-removed"),
                            Upcalls.POINTER, userData, Upcalls.DESTROY_NOTIFY, 0);
                }
            }).get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch device removal of " + path, e);
        }
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
    public CidStore cidStore() {
        return cids;
    }

    /** Requests started and not yet finished (finished ones are forgotten at the latest by the next sweep). */
    public int pendingRequests() {
        return deadlines.pendingCount();
    }

    /** Registers a request: device removal and the Java-side deadline complete it if libqmi does not. */
    <T> LoopFuture<T> track(LoopFuture<T> future, Duration timeout, String what) {
        if (removed.get() || closed.get()) {
            future.failAndCancel(new QmiDeviceRemovedException(path + (removed.get() ? " was removed" : " is closed")));
            return future;
        }
        return deadlines.watch(future, timeout, () -> QmiErrors.deadline(what, timeout));
    }

    /** Allocates a client of the given kind, reusing a stored CID of that service if one is free. */
    public <C extends QmiClient> LoopFuture<C> allocate(QmiClientKind<C> kind) {
        if (closed.get() || removed.get()) {
            LoopFuture<C> f = new LoopFuture<>();
            f.completeExceptionally(new QmiDeviceRemovedException(path + (removed.get() ? " was removed" : " is closed")));
            return f;
        }
        int reuse = freeStoredCid(kind);
        int seconds = seconds(options.timeout());
        MemorySegment self = device.pointer();
        LoopFuture<C> future = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_allocate_client(self, (int) kind.service().value(),
                        (byte) reuse, seconds, cancellable, callback, userData),
                (source, result, error) -> {
                    MemorySegment client = qmi_device_allocate_client_finish(self, result, error);
                    if (client.equals(MemorySegment.NULL)) {
                        return null;
                    }
                    int cid = Byte.toUnsignedInt(qmi_client_get_cid(client));
                    C typed = kind.factory().apply(new QmiClient.Binding(this, new GObjectRef(loop, client), kind, cid));
                    clients.add(typed);
                    if (cids != null) {
                        cids.add(kind.serviceName(), cid);
                    }
                    return typed;
                });
        return track(future, options.timeout(), "allocate " + kind.serviceName());
    }

    private int freeStoredCid(QmiClientKind<?> kind) {
        if (cids == null) {
            return 0; // QMI_CID_NONE: allocate a new one
        }
        Set<Integer> inUse = new HashSet<>();
        for (QmiClient c : clients) {
            if (c.service() == kind.service()) {
                inUse.add(c.cid());
            }
        }
        return cids.cids(kind.serviceName()).stream().filter(cid -> !inUse.contains(cid)).findFirst().orElse(0);
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
     * Releases (on the modem) the stored CIDs that no client of this process uses, e.g. those of services an
     * older version of the program needed; completes with how many were released.
     */
    public LoopFuture<Integer> releaseUnused() {
        LoopFuture<Integer> done = new LoopFuture<>();
        if (cids == null) {
            done.complete(0);
            return done;
        }
        List<CompletableFuture<Boolean>> steps = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : cids.all().entrySet()) {
            Service service;
            try {
                service = Service.valueOf(entry.getKey().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (int cid : entry.getValue()) {
                boolean used = clients.stream().anyMatch(c -> c.service() == service && c.cid() == cid);
                if (!used) {
                    steps.add(releaseStored(service, entry.getKey(), cid));
                }
            }
        }
        CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).whenComplete((v, t) -> done.complete(
                (int) steps.stream().filter(s -> !s.isCompletedExceptionally() && Boolean.TRUE.equals(s.join())).count()));
        return done;
    }

    private CompletableFuture<Boolean> releaseStored(Service service, String serviceName, int cid) {
        int seconds = seconds(options.timeout());
        MemorySegment self = device.pointer();
        LoopFuture<MemorySegment> allocated = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_allocate_client(self, (int) service.value(),
                        (byte) cid, seconds, cancellable, callback, userData),
                (source, result, error) -> qmi_device_allocate_client_finish(self, result, error));
        return allocated.thenCompose(client -> {
            GObjectRef ref = new GObjectRef(loop, client);
            return releaseNative(ref, true).handle((ok, failure) -> {
                ref.close();
                cids.remove(serviceName, cid);
                return failure == null;
            });
        });
    }

    /** Releases a client: on the modem too when {@code releaseCid}, else only from libqmi (the CID stays). */
    LoopFuture<Void> release(QmiClient client, boolean releaseCid) {
        LoopFuture<Void> done = new LoopFuture<>();
        if (!client.markClosed()) {
            done.complete(null);
            return done;
        }
        clients.remove(client);
        if (releaseCid && cids != null) {
            cids.remove(client.kind().serviceName(), client.cid());
        }
        if (closed.get() && releaseCid) {
            client.ref().close();
            done.complete(null);
            return done;
        }
        releaseNative(client.ref(), releaseCid).whenComplete((v, t) -> {
            client.ref().close();
            if (t != null) {
                done.completeExceptionally(t);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    private LoopFuture<Void> releaseNative(GObjectRef client, boolean releaseCid) {
        int flags = releaseCid ? (int) DeviceReleaseClientFlags.RELEASE_CID.value() : RELEASE_FLAGS_NONE;
        int seconds = seconds(options.timeout());
        MemorySegment self = device.pointer();
        MemorySegment clientPointer = client.pointer();
        LoopFuture<Void> future = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_release_client(self, clientPointer, flags, seconds,
                        cancellable, callback, userData),
                (source, result, error) -> {
                    qmi_device_release_client_finish(self, result, error);
                    return null;
                });
        return deadlines.watch(future, options.timeout(), () -> QmiErrors.deadline("release client", options.timeout()));
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
        for (QmiClient client : List.copyOf(clients)) {
            detaching.add(release(client, false));
        }
        try {
            CompletableFuture.allOf(detaching.toArray(CompletableFuture[]::new))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Detaching is local to libqmi; go on closing whatever happened.
        }
        deadlines.failAll(() -> new QmiDeviceRemovedException(path + " is closed"));
        MemorySegment self = device.pointer();
        int seconds = seconds(options.timeout());
        LoopFuture<Void> closing = AsyncCall.start(loop,
                (cancellable, callback, userData) -> {
                    g_signal_handler_disconnect(self, removedHandlerId);
                    qmi_device_close_async(self, seconds, cancellable, callback, userData);
                },
                (source, result, error) -> {
                    qmi_device_close_finish(self, result, error);
                    return null;
                });
        try {
            closing.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Closing a port that went away fails; the reference is dropped below either way.
        }
        deadlines.stop();
        device.close();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** libqmi timeouts are whole seconds: round up, at least one. */
    static int seconds(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    @Override
    public String toString() {
        return "QmiDevice[" + path + (options.proxy() ? ", proxy" : "") + (closed.get() ? ", closed" : "") + "]";
    }
}
