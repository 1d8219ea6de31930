package org.wwan4j.qmi;

import static org.wwan4j.qmi.ffi.qmi_client_h.qmi_client_get_cid;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_allocate_client;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_allocate_client_finish;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_release_client;
import static org.wwan4j.qmi.ffi.qmi_device_h.qmi_device_release_client_finish;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.GObjectRef;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.RequestDeadlines;

/**
 * The client-ID lifecycle of one device: which CID to ask libqmi for (a stored one no live client uses, else a
 * new one), allocating and releasing through libqmi, and keeping the {@link QmiCidStore} in step. Releasing with
 * {@code RELEASE_CID} frees the CID on the modem and forgets it; releasing without only detaches the client from
 * libqmi, so the CID stays allocated and stored for the next process.
 */
final class QmiClientIds {

    private static final int QMI_CID_NONE = 0;
    private static final int RELEASE_FLAGS_NONE = 0;

    private final MainLoopThread loop;
    private final GObjectRef device;
    private final QmiDeviceOptions options;
    private final QmiCidStore store; // null: no state dir, nothing persists
    private final RequestDeadlines deadlines;
    private final Set<QmiClient> live = ConcurrentHashMap.newKeySet();

    QmiClientIds(MainLoopThread loop, GObjectRef device, QmiDeviceOptions options, QmiCidStore store,
                 RequestDeadlines deadlines) {
        this.loop = loop;
        this.device = device;
        this.options = options;
        this.store = store;
        this.deadlines = deadlines;
    }

    QmiCidStore store() {
        return store;
    }

    List<QmiClient> live() {
        return List.copyOf(live);
    }

    /**
     * Allocates a client; {@code wrap} builds the Java client from the new {@code QmiClient*} (transfer full) and
     * its CID, inside the callback.
     */
    <C extends QmiClient> LoopFuture<C> allocate(QmiClientKind<C> kind, BiFunction<MemorySegment, Integer, C> wrap) {
        int reuse = storedCidNotInUse(kind);
        return AsyncCall.start(loop, (cancellable, callback, userData) -> qmi_device_allocate_client(device.pointer(),
                        (int) kind.service().value(), (byte) reuse, QmiDevice.seconds(options.timeout()), cancellable,
                        callback, userData),
                (source, result, error) -> {
                    MemorySegment client = qmi_device_allocate_client_finish(device.pointer(), result, error);
                    if (client.equals(MemorySegment.NULL)) {
                        return null;
                    }
                    int cid = Byte.toUnsignedInt(qmi_client_get_cid(client));
                    C typed = wrap.apply(client, cid);
                    live.add(typed);
                    if (store != null) {
                        store.add(kind.serviceName(), cid);
                    }
                    return typed;
                });
    }

    private int storedCidNotInUse(QmiClientKind<?> kind) {
        if (store == null) {
            return QMI_CID_NONE;
        }
        Set<Integer> inUse = new HashSet<>();
        for (QmiClient c : live) {
            if (c.service() == kind.service()) {
                inUse.add(c.cid());
            }
        }
        return store.cids(kind.serviceName()).stream().filter(cid -> !inUse.contains(cid)).findFirst()
                .orElse(QMI_CID_NONE);
    }

    /** Releases a client (see the class comment); completes when libqmi is done, the reference dropped. */
    LoopFuture<Void> release(QmiClient client, boolean releaseCid) {
        LoopFuture<Void> done = new LoopFuture<>();
        if (!client.markClosed()) {
            done.complete(null);
            return done;
        }
        live.remove(client);
        if (releaseCid && store != null) {
            store.remove(client.kind().serviceName(), client.cid());
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

    /** Releases, on the modem, the stored CIDs no live client uses; completes with how many were released. */
    LoopFuture<Integer> releaseUnused() {
        LoopFuture<Integer> done = new LoopFuture<>();
        if (store == null) {
            done.complete(0);
            return done;
        }
        List<CompletableFuture<Boolean>> steps = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : store.all().entrySet()) {
            Service service;
            try {
                service = Service.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue; // written by a newer version: leave it alone
            }
            for (int cid : entry.getValue()) {
                if (live.stream().noneMatch(c -> c.service() == service && c.cid() == cid)) {
                    steps.add(releaseStored(service, entry.getKey(), cid));
                }
            }
        }
        CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).whenComplete((v, t) -> done.complete(
                (int) steps.stream().filter(s -> !s.isCompletedExceptionally() && Boolean.TRUE.equals(s.join())).count()));
        return done;
    }

    /** libqmi can only release a client object: adopt the stored CID (no CTL message), then release it. */
    private CompletableFuture<Boolean> releaseStored(Service service, String serviceName, int cid) {
        LoopFuture<MemorySegment> adopted = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_allocate_client(device.pointer(), (int) service.value(),
                        (byte) cid, QmiDevice.seconds(options.timeout()), cancellable, callback, userData),
                (source, result, error) -> qmi_device_allocate_client_finish(device.pointer(), result, error));
        return adopted.thenCompose(client -> {
            GObjectRef ref = new GObjectRef(loop, client);
            return releaseNative(ref, true).handle((ok, failure) -> {
                ref.close();
                store.remove(serviceName, cid);
                return failure == null;
            });
        });
    }

    private LoopFuture<Void> releaseNative(GObjectRef client, boolean releaseCid) {
        int flags = releaseCid ? (int) DeviceReleaseClientFlags.RELEASE_CID.value() : RELEASE_FLAGS_NONE;
        MemorySegment clientPointer = client.pointer();
        LoopFuture<Void> future = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_release_client(device.pointer(), clientPointer, flags,
                        QmiDevice.seconds(options.timeout()), cancellable, callback, userData),
                (source, result, error) -> {
                    qmi_device_release_client_finish(device.pointer(), result, error);
                    return null;
                });
        return deadlines.watch(future, options.timeout().plus(RequestDeadlines.GRACE),
                () -> QmiErrors.deadline("release client", options.timeout()));
    }
}
