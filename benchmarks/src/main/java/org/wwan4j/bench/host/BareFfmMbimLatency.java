package org.wwan4j.bench.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_free;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_iteration;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;
import static org.wwan4j.mbim.ffi.libmbim_glib_h.MBIM_MESSAGE_TYPE_COMMAND_DONE;
import static org.wwan4j.mbim.ffi.mbim_basic_connect_h.mbim_message_device_caps_query_new;
import static org.wwan4j.mbim.ffi.mbim_basic_connect_h.mbim_message_device_caps_response_parse;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_close;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_close_finish;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_command;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_command_finish;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_new;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_new_finish;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_open_full;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_open_full_finish;
import static org.wwan4j.mbim.ffi.mbim_message_h.mbim_message_response_get_result;
import static org.wwan4j.mbim.ffi.mbim_message_h.mbim_message_unref;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The floor under the Java API's MBIM latency: the C baseline's calls ({@code native/src/mbim-baseline.c}), one for
 * one, through the generated FFM bindings and nothing else of wwan4j: the default main context iterated on the
 * calling thread, one upcall stub for every callback, no futures, no cancellable, no deadlines, no arenas per
 * request, no Java objects made of the answer beyond the four strings C also takes (and frees unread). What this
 * costs beyond the C client is what FFM itself costs per request in this host JVM; what the idiomatic API costs
 * beyond this is the API's own.
 *
 * <p>Single-threaded by construction: the callbacks run inside {@code g_main_context_iteration} on the thread that
 * called {@link #run}, so the state below needs no synchronisation.
 */
final class BareFfmMbimLatency {

    private static final int OPEN_FLAGS_NONE = 0;
    private static final int TIMEOUT_SECONDS = 10;
    /** custom data class, device id, firmware info, hardware info: the strings the C client asks for. */
    private static final int STRINGS_PARSED = 4;

    private static final MemorySegment CALLBACK = callbackStub();
    private static BareFfmMbimLatency current;

    private final MemorySegment strings = Arena.global().allocate(ADDRESS, STRINGS_PARSED);
    private final MemorySegment[] stringSlots = new MemorySegment[STRINGS_PARSED];
    private MemorySegment device = MemorySegment.NULL;
    private String failure;
    private Step step = Step.CREATING;

    private enum Step { CREATING, OPENING, IDLE, WAITING, CLOSING, CLOSED }

    private BareFfmMbimLatency() {
        for (int i = 0; i < STRINGS_PARSED; i++) {
            stringSlots[i] = strings.asSlice(i * ADDRESS.byteSize(), ADDRESS);
        }
    }

    /** Opens {@code path}, times {@code count} Device Caps round trips after {@code warmup}, closes it. */
    static long[] run(String path, int count, int warmup) throws IOException {
        BareFfmMbimLatency client = new BareFfmMbimLatency();
        current = client;
        try {
            return client.measure(path, count, warmup);
        } finally {
            current = null;
        }
    }

    private long[] measure(String path, int count, int warmup) throws IOException {
        MemorySegment file;
        try (Arena arena = Arena.ofConfined()) {
            file = g_file_new_for_path(arena.allocateFrom(path));
        }
        mbim_device_new(file, MemorySegment.NULL, CALLBACK, MemorySegment.NULL);
        iterateUntil(Step.OPENING);
        mbim_device_open_full(device, OPEN_FLAGS_NONE, TIMEOUT_SECONDS, MemorySegment.NULL, CALLBACK,
                MemorySegment.NULL);
        iterateUntil(Step.IDLE);
        long[] samples = new long[count];
        for (int i = 0; i < warmup + count; i++) {
            long started = System.nanoTime();
            step = Step.WAITING;
            MemorySegment request = mbim_message_device_caps_query_new(MemorySegment.NULL);
            mbim_device_command(device, request, TIMEOUT_SECONDS, MemorySegment.NULL, CALLBACK, MemorySegment.NULL);
            mbim_message_unref(request);
            iterateUntil(Step.IDLE);
            if (i >= warmup) {
                samples[i - warmup] = System.nanoTime() - started;
            }
        }
        step = Step.CLOSING;
        mbim_device_close(device, TIMEOUT_SECONDS, MemorySegment.NULL, CALLBACK, MemorySegment.NULL);
        iterateUntil(Step.CLOSED);
        g_object_unref(device);
        g_object_unref(file);
        return samples;
    }

    private void iterateUntil(Step wanted) throws IOException {
        while (step != wanted && failure == null) {
            g_main_context_iteration(MemorySegment.NULL, 1);
        }
        if (failure != null) {
            throw new IOException("bare FFM MBIM client: " + failure);
        }
    }

    /** Every GAsyncReadyCallback of the run: what it finishes depends on the step the client is in. */
    private void ready(MemorySegment source, MemorySegment result) {
        switch (step) {
            case CREATING -> {
                device = mbim_device_new_finish(result, MemorySegment.NULL);
                finishStep(!device.equals(MemorySegment.NULL), "create device", Step.OPENING);
            }
            case OPENING -> finishStep(mbim_device_open_full_finish(source, result, MemorySegment.NULL) != 0,
                    "open device", Step.IDLE);
            case WAITING -> finishStep(parseDeviceCaps(mbim_device_command_finish(source, result,
                    MemorySegment.NULL)), "device caps", Step.IDLE);
            case CLOSING -> finishStep(mbim_device_close_finish(source, result, MemorySegment.NULL) != 0,
                    "close device", Step.CLOSED);
            default -> failure = "a callback in step " + step;
        }
    }

    private void finishStep(boolean succeeded, String what, Step next) {
        if (succeeded) {
            step = next;
        } else {
            failure = what + " failed";
        }
    }

    /** As the C client's parse_response: the result checked, four strings parsed and freed, the response unref'd. */
    private boolean parseDeviceCaps(MemorySegment response) {
        if (response.equals(MemorySegment.NULL)) {
            return false;
        }
        try {
            if (mbim_message_response_get_result(response, MBIM_MESSAGE_TYPE_COMMAND_DONE(), MemorySegment.NULL) == 0) {
                return false;
            }
            MemorySegment none = MemorySegment.NULL;
            if (mbim_message_device_caps_response_parse(response, none, none, none, none, none, none, none, none,
                    stringSlots[0], stringSlots[1], stringSlots[2], stringSlots[3], none) == 0) {
                return false;
            }
            for (int i = 0; i < STRINGS_PARSED; i++) {
                g_free(strings.getAtIndex(ADDRESS, i));
            }
            return true;
        } finally {
            mbim_message_unref(response);
        }
    }

    /** The upcall's target: no exception may cross back into C, so one is kept as the run's failure. */
    private static void onReady(MemorySegment source, MemorySegment result, MemorySegment userData) {
        BareFfmMbimLatency client = current;
        try {
            client.ready(source, result);
        } catch (RuntimeException e) {
            client.failure = e.toString();
        }
    }

    private static MemorySegment callbackStub() {
        try {
            return Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(BareFfmMbimLatency.class,
                            "onReady", MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class,
                                    MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
