package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.glib.ffi.glib_h.g_file_info_get_size;
import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_file_query_info_async;
import static org.wwan4j.glib.ffi.glib_h.g_file_query_info_finish;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async plumbing through a real GIO operation: g_file_query_info_async / _finish. */
class AsyncCallTest {

    private static final int G_IO_ERROR_NOT_FOUND = 1;
    private static final int G_PRIORITY_DEFAULT = 0;

    private static MainLoopThread loop;

    @TempDir
    Path dir;

    @BeforeAll
    static void startLoop() {
        loop = MainLoopThread.start("async-test-loop");
    }

    @AfterAll
    static void stopLoop() {
        loop.close();
    }

    /** Queries the size of a file the GIO way, returning it through the runtime. */
    private static LoopFuture<Long> querySize(Path path) {
        return AsyncCall.start(loop, (cancellable, callback, userData) -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment file = g_file_new_for_path(arena.allocateFrom(path.toString()));
                g_file_query_info_async(file, arena.allocateFrom("standard::size"), 0, G_PRIORITY_DEFAULT,
                        cancellable, callback, userData);
                g_object_unref(file); // the operation holds its own reference
            }
        }, (source, result, errorSlot) -> {
            MemorySegment info = g_file_query_info_finish(source, result, errorSlot);
            if (info.equals(MemorySegment.NULL)) {
                return null;
            }
            long size = g_file_info_get_size(info);
            g_object_unref(info);
            return size;
        });
    }

    @Test
    void theResultIsCopiedOutOfTheCallback() throws Exception {
        Path file = Files.write(dir.resolve("seven"), new byte[7]);
        assertEquals(7L, querySize(file).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aGErrorBecomesAnExceptionNamingItsDomainAndCode() {
        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> querySize(dir.resolve("missing")).get(10, TimeUnit.SECONDS));
        GErrorException error = assertInstanceOf(GErrorException.class, thrown.getCause());
        assertEquals("g-io-error-quark", error.domain());
        assertEquals(G_IO_ERROR_NOT_FOUND, error.code());
        assertTrue(error.getMessage().contains("missing"), error.getMessage());
    }

    @Test
    void cancellingBeforeTheOperationStartsNeverStartsIt() throws Exception {
        Path file = Files.write(dir.resolve("x"), new byte[1]);
        assertTrue(loop.sync(Duration.ofSeconds(10)));
        int handlersBefore = Upcalls.registeredHandlers();
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> awaitQuietly(release)); // hold the loop so the operation cannot start yet
        LoopFuture<Long> future = querySize(file);
        assertTrue(future.cancel(true));
        release.countDown();
        assertTrue(loop.sync(Duration.ofSeconds(10)));
        assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertEquals(handlersBefore, Upcalls.registeredHandlers());
    }

    @Test
    void cancellingInFlightCancelsTheGCancellableAndLeaksNoHandler() throws Exception {
        Path file = Files.write(dir.resolve("z"), new byte[1]);
        assertTrue(loop.sync(Duration.ofSeconds(10)));
        int handlersBefore = Upcalls.registeredHandlers();
        for (int i = 0; i < 200; i++) {
            // Start and cancel within one loop task: GIO delivers results through the loop, so the operation is
            // certainly still in flight when its GCancellable is cancelled.
            LoopFuture<Long> future = loop.submit(() -> {
                LoopFuture<Long> inFlight = querySize(file);
                assertTrue(inFlight.cancel(true));
                return inFlight;
            }).get(10, TimeUnit.SECONDS);
            assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        }
        // Every cancelled operation still calls back once (with G_IO_ERROR_CANCELLED); then nothing is left.
        for (int i = 0; i < 100 && Upcalls.registeredHandlers() != handlersBefore; i++) {
            assertTrue(loop.sync(Duration.ofSeconds(10)));
            Thread.sleep(20);
        }
        assertEquals(handlersBefore, Upcalls.registeredHandlers());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void thousandsOfCallsLeaveNoHandlerBehind() throws Exception {
        Path file = Files.write(dir.resolve("y"), new byte[3]);
        int handlersBefore = Upcalls.registeredHandlers();
        for (int i = 0; i < 5_000; i++) {
            assertEquals(3L, querySize(file).get(10, TimeUnit.SECONDS));
        }
        assertEquals(handlersBefore, Upcalls.registeredHandlers());
    }
}
