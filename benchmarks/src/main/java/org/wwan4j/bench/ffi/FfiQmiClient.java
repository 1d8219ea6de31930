package org.wwan4j.bench.ffi;

import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;
import static org.wwan4j.glib.ffi.glib_h.g_signal_connect_data;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.QMI_DEVICE_OPEN_FLAGS_NONE;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.QMI_DEVICE_OPEN_FLAGS_PROXY;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.QMI_DEVICE_RELEASE_CLIENT_FLAGS_RELEASE_CID;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.QMI_SERVICE_DMS;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.QMI_SERVICE_NAS;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_client_dms_get_ids;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_client_dms_get_ids_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_client_nas_register_indications;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_client_nas_register_indications_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_allocate_client;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_allocate_client_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_new;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_new_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_open;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_open_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_release_client;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_device_release_client_finish;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_indication_nas_signal_info_output_get_lte_signal_strength;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_dms_get_ids_output_get_esn;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_dms_get_ids_output_get_imei;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_dms_get_ids_output_get_meid;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_dms_get_ids_output_get_result;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_dms_get_ids_output_unref;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_nas_register_indications_input_new;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_nas_register_indications_input_set_serving_system_events;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_nas_register_indications_input_set_signal_info;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_nas_register_indications_input_unref;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_nas_register_indications_output_get_result;
import static org.wwan4j.qmi.ffi.libqmi_glib_h.qmi_message_nas_register_indications_output_unref;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.GErrors;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.Upcalls;

/**
 * The Java contender for QMI until the idiomatic API (org.wwan4j.qmi.QmiDevice / ClientDms / ClientNas, branch
 * qmiapi) lands: the same work as native/src/qmi-baseline.c, written directly over the generated ffi layer and the
 * glib runtime (every call on the {@link MainLoopThread}, each request a {@link LoopFuture} the caller joins).
 * TODO(qmiapi): replace with {@code QmiDevice.open(...).dms().getIds()}; the harness only sees {@link #getIds()}.
 *
 * <p>One device, one client (DMS or NAS) for its whole life, like the C baseline.
 */
public final class FfiQmiClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MainLoopThread loop;
    private final int timeoutSeconds;
    private final MemorySegment device;
    private final MemorySegment client;
    private boolean closed;

    private FfiQmiClient(MainLoopThread loop, int timeoutSeconds, MemorySegment device, MemorySegment client) {
        this.loop = loop;
        this.timeoutSeconds = timeoutSeconds;
        this.device = device;
        this.client = client;
    }

    /** Opens the device and allocates one client of the service ("dms" or "nas"). */
    public static FfiQmiClient open(MainLoopThread loop, Path path, String service, boolean proxy, int timeoutSeconds)
            throws Exception {
        MemorySegment device = AsyncCall.start(loop,
                (cancellable, callback, userData) -> {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment file = g_file_new_for_path(arena.allocateFrom(path.toString()));
                        qmi_device_new(file, cancellable, callback, userData);
                        g_object_unref(file); // qmi_device_new keeps its own reference
                    }
                },
                (source, result, error) -> qmi_device_new_finish(result, error)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int flags = proxy ? QMI_DEVICE_OPEN_FLAGS_PROXY() : QMI_DEVICE_OPEN_FLAGS_NONE();
        AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_open(device, flags, timeoutSeconds, cancellable, callback, userData),
                (source, result, error) -> qmi_device_open_finish(device, result, error)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int serviceId = "nas".equals(service) ? QMI_SERVICE_NAS() : QMI_SERVICE_DMS();
        MemorySegment client = AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_device_allocate_client(device, serviceId, (byte) 0,
                        timeoutSeconds, cancellable, callback, userData),
                (source, result, error) -> qmi_device_allocate_client_finish(device, result, error))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new FfiQmiClient(loop, timeoutSeconds, device, client);
    }

    /** DMS Get IDs; parses IMEI, ESN and MEID out of the response as the C baseline does; returns the IMEI. */
    public LoopFuture<String> getIds() {
        return AsyncCall.start(loop,
                (cancellable, callback, userData) -> qmi_client_dms_get_ids(client, MemorySegment.NULL, timeoutSeconds,
                        cancellable, callback, userData),
                (source, result, error) -> {
                    MemorySegment output = qmi_client_dms_get_ids_finish(client, result, error);
                    if (output.equals(MemorySegment.NULL)) {
                        return null;
                    }
                    try (Arena arena = Arena.ofConfined()) {
                        if (qmi_message_dms_get_ids_output_get_result(output, error) == 0) {
                            return null;
                        }
                        MemorySegment imei = arena.allocate(ValueLayout.ADDRESS);
                        MemorySegment other = arena.allocate(ValueLayout.ADDRESS);
                        qmi_message_dms_get_ids_output_get_imei(output, imei, MemorySegment.NULL);
                        qmi_message_dms_get_ids_output_get_esn(output, other, MemorySegment.NULL);
                        qmi_message_dms_get_ids_output_get_meid(output, other, MemorySegment.NULL);
                        return GErrors.cString(imei.get(ValueLayout.ADDRESS, 0));
                    } finally {
                        qmi_message_dms_get_ids_output_unref(output);
                    }
                });
    }

    /**
     * Subscribes to NAS signal-info (and serving-system, as the C baseline does) indications. The listener gets
     * {@link System#nanoTime()} taken on the callback executor, i.e. when user code would run, after the fields
     * were parsed on the loop thread: what an API user experiences.
     */
    public void onSignalInfo(LongConsumer listener) throws Exception {
        loop.submit(() -> {
            MemorySegment handler = Upcalls.persistent((Upcalls.PointerPairHandler) (instance, output) -> {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment bytes = arena.allocate(ValueLayout.JAVA_SHORT, 4);
                    qmi_indication_nas_signal_info_output_get_lte_signal_strength(output, bytes,
                            bytes.asSlice(1), bytes.asSlice(2), bytes.asSlice(4), MemorySegment.NULL);
                }
                LoopFuture.callbacks().execute(() -> listener.accept(System.nanoTime()));
            });
            try (Arena arena = Arena.ofConfined()) {
                g_signal_connect_data(client, arena.allocateFrom("signal-info"), Upcalls.POINTER_PAIR, handler,
                        Upcalls.DESTROY_NOTIFY, 0);
            }
            return null;
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        MemorySegment input = loop.submit(() -> {
            MemorySegment created = qmi_message_nas_register_indications_input_new();
            qmi_message_nas_register_indications_input_set_serving_system_events(created, 1, MemorySegment.NULL);
            qmi_message_nas_register_indications_input_set_signal_info(created, 1, MemorySegment.NULL);
            return created;
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            AsyncCall.start(loop,
                    (cancellable, callback, userData) -> qmi_client_nas_register_indications(client, input,
                            timeoutSeconds, cancellable, callback, userData),
                    (source, result, error) -> {
                        MemorySegment output = qmi_client_nas_register_indications_finish(client, result, error);
                        if (!output.equals(MemorySegment.NULL)) {
                            qmi_message_nas_register_indications_output_get_result(output, error);
                            qmi_message_nas_register_indications_output_unref(output);
                        }
                        return Boolean.TRUE;
                    }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            loop.execute(() -> qmi_message_nas_register_indications_input_unref(input));
        }
    }

    /** Releases the client id (as every well-behaved client does) and drops the device; idempotent. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            AsyncCall.start(loop,
                    (cancellable, callback, userData) -> qmi_device_release_client(device, client,
                            QMI_DEVICE_RELEASE_CLIENT_FLAGS_RELEASE_CID(), timeoutSeconds, cancellable, callback, userData),
                    (source, result, error) -> qmi_device_release_client_finish(device, result, error))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            loop.execute(() -> {
                g_object_unref(client);
                g_object_unref(device);
            });
        }
    }
}
