package org.wwan4j.bench.ffi;

import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_free;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.MBIM_DEVICE_OPEN_FLAGS_NONE;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.MBIM_DEVICE_OPEN_FLAGS_PROXY;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.MBIM_MESSAGE_TYPE_COMMAND_DONE;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_close;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_close_finish;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_command;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_command_finish;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_new;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_new_finish;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_open_full;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_device_open_full_finish;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_message_device_caps_query_new;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_message_device_caps_response_parse;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_message_response_get_result;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.mbim_message_unref;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.GErrors;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;

/**
 * The Java contender for MBIM until the idiomatic API (org.wwan4j.mbim.MbimDevice / BasicConnect, branch mbimapi)
 * lands: the work of native/src/mbim-baseline.c over the generated ffi layer. One device, one session.
 * TODO(mbimapi): replace with {@code MbimDevice.open(...).basicConnect().queryDeviceCaps()}.
 */
public final class FfiMbimClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int DEVICE_CAPS_STRINGS = 4; // custom data class, device id, firmware, hardware

    private final MainLoopThread loop;
    private final int timeoutSeconds;
    private final MemorySegment device;
    private boolean closed;

    private FfiMbimClient(MainLoopThread loop, int timeoutSeconds, MemorySegment device) {
        this.loop = loop;
        this.timeoutSeconds = timeoutSeconds;
        this.device = device;
    }

    public static FfiMbimClient open(MainLoopThread loop, Path path, boolean proxy, int timeoutSeconds)
            throws Exception {
        MemorySegment device = AsyncCall.start(loop,
                (cancellable, callback, userData) -> {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment file = g_file_new_for_path(arena.allocateFrom(path.toString()));
                        mbim_device_new(file, cancellable, callback, userData);
                        g_object_unref(file);
                    }
                },
                (source, result, error) -> mbim_device_new_finish(result, error)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int flags = proxy ? MBIM_DEVICE_OPEN_FLAGS_PROXY() : MBIM_DEVICE_OPEN_FLAGS_NONE();
        AsyncCall.start(loop,
                (cancellable, callback, userData) -> mbim_device_open_full(device, flags, timeoutSeconds, cancellable,
                        callback, userData),
                (source, result, error) -> mbim_device_open_full_finish(device, result, error))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new FfiMbimClient(loop, timeoutSeconds, device);
    }

    /** Basic Connect Device Caps query; parses the strings as the C baseline does; returns the device id. */
    public LoopFuture<String> queryDeviceCaps() {
        return AsyncCall.start(loop,
                (cancellable, callback, userData) -> {
                    MemorySegment request = mbim_message_device_caps_query_new(MemorySegment.NULL);
                    mbim_device_command(device, request, timeoutSeconds, cancellable, callback, userData);
                    mbim_message_unref(request);
                },
                (source, result, error) -> {
                    MemorySegment response = mbim_device_command_finish(device, result, error);
                    if (response.equals(MemorySegment.NULL)) {
                        return null;
                    }
                    try (Arena arena = Arena.ofConfined()) {
                        if (mbim_message_response_get_result(response, MBIM_MESSAGE_TYPE_COMMAND_DONE(), error) == 0) {
                            return null;
                        }
                        MemorySegment strings = arena.allocate(ValueLayout.ADDRESS, DEVICE_CAPS_STRINGS);
                        strings.fill((byte) 0);
                        MemorySegment none = MemorySegment.NULL;
                        if (mbim_message_device_caps_response_parse(response, none, none, none, none, none, none, none,
                                none, slot(strings, 0), slot(strings, 1), slot(strings, 2), slot(strings, 3),
                                error) == 0) {
                            return null;
                        }
                        String deviceId = GErrors.cString(strings.getAtIndex(ValueLayout.ADDRESS, 1));
                        for (int i = 0; i < DEVICE_CAPS_STRINGS; i++) {
                            g_free(strings.getAtIndex(ValueLayout.ADDRESS, i));
                        }
                        return deviceId;
                    } finally {
                        mbim_message_unref(response);
                    }
                });
    }

    private static MemorySegment slot(MemorySegment strings, int index) {
        return strings.asSlice(index * ValueLayout.ADDRESS.byteSize(), ValueLayout.ADDRESS.byteSize());
    }

    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            AsyncCall.start(loop,
                    (cancellable, callback, userData) -> mbim_device_close(device, timeoutSeconds, cancellable, callback,
                            userData),
                    (source, result, error) -> mbim_device_close_finish(device, result, error))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            loop.execute(() -> g_object_unref(device));
        }
    }
}
