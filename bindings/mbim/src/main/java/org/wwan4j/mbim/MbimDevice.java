package org.wwan4j.mbim;

import static org.wwan4j.glib.ffi.glib_h.g_file_new_for_path;
import static org.wwan4j.glib.ffi.glib_h.g_object_unref;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_close_force;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_close;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_close_finish;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_command;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_command_finish;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_get_ms_mbimex_version;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_get_transaction_id;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_new;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_new_finish;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_open_full;
import static org.wwan4j.mbim.ffi.mbim_device_h.mbim_device_open_full_finish;
import static org.wwan4j.mbim.ffi.mbim_basic_connect_h.mbim_message_device_caps_query_new;
import static org.wwan4j.mbim.ffi.mbim_message_h.mbim_message_response_get_result;
import static org.wwan4j.mbim.ffi.mbim_message_h.mbim_message_unref;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.glib.AsyncCall;
import org.wwan4j.glib.ClosedException;
import org.wwan4j.glib.GErrors;
import org.wwan4j.glib.GObjectRef;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.RequestDeadlines;
import org.wwan4j.glib.SignalConnection;
import org.wwan4j.glib.Upcalls;

/**
 * One open MBIM control port ({@code /dev/cdc-wdm0}), holding exactly one reference to libmbim's
 * {@code MbimDevice} (a {@link GObjectRef}). Service classes ({@code new BasicConnect(device)}) send requests through
 * {@link #command}; indications reach listeners through {@link #subscribe}, in the order the modem sent them.
 *
 * <p>Nothing waits forever: every request carries libmbim's timeout and a Java-side deadline (timeout + grace, in
 * {@link RequestDeadlines}) that fails it with {@link MbimCoreException} ({@code TIMEOUT}); when the port goes away
 * ("device-removed") every pending request fails with {@link MbimDeviceRemovedException}, and when the device is
 * closed with {@link ClosedException}.
 */
public final class MbimDevice implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MbimDevice.class);
    /**
     * CLOSE gets its own short bound: a device opened with a long request timeout (for scans) must still close
     * promptly when the modem no longer answers.
     */
    private static final int CLOSE_TIMEOUT_SECONDS = 5;

    static {
        MbimErrorDomains.ensureRegistered();
    }

    private final Path path;
    private final MbimDeviceOptions options;
    private final MainLoopThread loop;
    private final GObjectRef device;
    private final MbimSessionStore session;
    private final MbimIndications indications = new MbimIndications();
    private final RequestDeadlines deadlines = new RequestDeadlines();
    private final CopyOnWriteArrayList<Consumer<MbimDevice>> removedListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean removed;
    private volatile SignalConnection indicateSignal;
    private volatile SignalConnection removedSignal;

    private MbimDevice(Path path, MbimDeviceOptions options, GObjectRef device, MbimSessionStore session) {
        this.path = path;
        this.options = options;
        this.loop = options.loop();
        this.device = device;
        this.session = session;
    }

    /**
     * Opens the port. With a state dir (direct mode) a session kept by an earlier process is resumed without OPEN;
     * if the modem no longer knows it (it restarted), the port is opened afresh with OPEN.
     */
    public static LoopFuture<MbimDevice> open(Path path, MbimDeviceOptions options) {
        if (path.toString().isEmpty()) {
            // libmbim dereferences a NULL path for an empty one (SIGSEGV in g_utf8_validate): refuse it here.
            LoopFuture<MbimDevice> refused = new LoopFuture<>();
            refused.completeExceptionally(new IllegalArgumentException("empty MBIM device path"));
            return refused;
        }
        MbimSessionStore session = options.stateDir() == null || options.proxy() ? null
                : MbimSessionStore.forDevice(options.stateDir(), path);
        OptionalLong kept = session == null ? OptionalLong.empty() : session.load();
        LoopFuture<MbimDevice> opened = new LoopFuture<>();
        open(path, options, session, kept.isPresent(), kept.orElse(0), opened).whenComplete((device, error) -> {
            if (error == null) {
                completeOrClose(opened, device);
            } else if (kept.isPresent()) {
                LOG.info("{}: kept session not usable ({}); opening afresh", path, unwrap(error).getMessage());
                // Transaction ids still continue past the reservation: a late answer must never match.
                open(path, options, session, false, kept.getAsLong(), opened).whenComplete((fresh, freshError) -> {
                    if (freshError == null) {
                        completeOrClose(opened, fresh);
                    } else {
                        opened.completeExceptionally(unwrap(freshError));
                    }
                });
            } else {
                opened.completeExceptionally(unwrap(error));
            }
        });
        return bounded(opened, options.deadline().multipliedBy(3), "open " + path);
    }

    /** A device that opened after the caller's bound expired belongs to nobody: close it. */
    private static void completeOrClose(LoopFuture<MbimDevice> opened, MbimDevice device) {
        if (!opened.complete(device)) {
            device.close();
        }
    }

    /**
     * One attempt: a new MbimDevice, opened in session (no OPEN, then a probe) or afresh. If {@code caller} fails
     * first (its bound passed, or it was cancelled), the OPEN is cancelled at once instead of at libmbim's own, much
     * later timeout: until then the half-open device would keep the port open and read the answers meant for the
     * next attempt (seen under a hostile-frame storm: every later open timed out).
     */
    private static CompletableFuture<MbimDevice> open(Path path, MbimDeviceOptions options, MbimSessionStore session,
                                                      boolean resume, long firstTransactionId,
                                                      CompletableFuture<MbimDevice> caller) {
        LoopFuture<MemorySegment> created = AsyncCall.start(options.loop(), (cancellable, callback, userData) -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment file = g_file_new_for_path(arena.allocateFrom(path.toString()));
                try {
                    mbim_device_new(file, cancellable, callback, userData);
                } finally {
                    g_object_unref(file); // the device keeps its own reference
                }
            }
        }, (source, result, errorSlot) -> mbim_device_new_finish(result, errorSlot));
        return created.thenCompose(pointer -> {
            MbimDevice device = new MbimDevice(path, options, new GObjectRef(options.loop(), pointer), session);
            // Signals first: an indication or a hang-up right after OPEN must not be missed.
            CompletableFuture<Void> ready = device.connectSignals().thenCompose(ignored -> {
                CompletableFuture<Void> handshake = device.openFull(resume, firstTransactionId);
                caller.whenComplete((value, error) -> {
                    if (error != null) {
                        handshake.cancel(true);
                    }
                });
                return handshake;
            });
            if (resume) {
                ready = ready.thenCompose(ignored -> device.probe());
            }
            return ready.thenRun(device::reserveTransactionIds)
                    .handle((ignored, error) -> {
                        if (error != null) {
                            device.discard();
                            throw new java.util.concurrent.CompletionException(unwrap(error));
                        }
                        LOG.debug("{}: open ({})", path, resume ? "resumed session" : "fresh");
                        return device;
                    });
        });
    }

    /** mbim_device_open_full; "in session" skips the OPEN message (the modem already has our session). */
    private CompletableFuture<Void> openFull(boolean inSession, long transactionId) {
        // The API's enums, not the ffi constants: those live in the umbrella header class with every other enum
        // member of libmbim, which nothing else on this path loads.
        int flags = (int) (options.proxy() ? DeviceOpenFlags.PROXY : DeviceOpenFlags.NONE).value();
        if (options.mbimEx() == 2) {
            flags |= (int) DeviceOpenFlags.MS_MBIMEX_V2.value();
        } else if (options.mbimEx() == 3) {
            flags |= (int) DeviceOpenFlags.MS_MBIMEX_V3.value();
        }
        int openFlags = flags;
        int seconds = RequestDeadlines.timeoutSeconds(options.timeout());
        return AsyncCall.<Void>start(loop, (cancellable, callback, userData) -> {
            MemorySegment self = device.pointer();
            if (inSession || transactionId > 0) {
                GObjectProperties.setSession(self, inSession, transactionId);
            }
            mbim_device_open_full(self, openFlags, seconds, cancellable, callback, userData);
        }, (source, result, errorSlot) -> {
            mbim_device_open_full_finish(source, result, errorSlot);
            return null;
        });
    }

    /** A cheap request proving a resumed session is still open on the modem side. */
    private CompletableFuture<Void> probe() {
        return command("session probe", (arena, errorSlot) -> mbim_message_device_caps_query_new(errorSlot),
                noResponse());
    }

    /** One "device-indicate-status" connection for every subscription, and "device-removed"; on the loop thread. */
    private CompletableFuture<Void> connectSignals() {
        return loop.submit(() -> {
            indicateSignal = SignalConnection.connect(loop, device, "device-indicate-status",
                    (Upcalls.PointerPairHandler) (source, message) -> indications.dispatch(message), options.timeout());
            removedSignal = SignalConnection.connect(loop, device, "device-removed",
                    (Upcalls.PointerHandler) source -> deviceRemoved(), options.timeout());
            return null;
        });
    }

    private void reserveTransactionIds() {
        if (session != null) {
            loop.submit(() -> {
                session.reserveBeyond(Integer.toUnsignedLong(mbim_device_get_transaction_id(device.pointer())));
                return null;
            }).join();
        }
    }

    public Path path() {
        return path;
    }

    public MbimDeviceOptions options() {
        return options;
    }

    /** The last MBIM transaction id libmbim used on this device (for diagnostics and the session tests). */
    public long transactionId() {
        return Integer.toUnsignedLong(RequestDeadlines.bound(
                loop.submit(() -> mbim_device_get_transaction_id(device.pointer())), options.deadline(),
                () -> timeout("transaction id: the loop did not answer within " + options.deadline())).join());
    }

    /** The session file in the state dir, or null when no session is kept. */
    public Path sessionFile() {
        return session == null ? null : session.file();
    }

    /** {@link #command(String, Duration, MessageBuilder, MessageParser)} with the device's timeout. */
    public <T> LoopFuture<T> command(String name, MessageBuilder builder, MessageParser<T> parser) {
        return command(name, options.timeout(), builder, parser);
    }

    /**
     * Sends one request: builds it on the loop thread, sends it with {@code mbim_device_command}, checks the
     * status (a failure becomes {@link MbimStatusException}) and parses the answer inside the callback.
     *
     * @param name    what the request is, for errors and logs (never its arguments: they may hold secrets)
     * @param timeout libmbim's timeout for this request (whole seconds, rounded up); the Java-side deadline is this
     *                plus the options' grace
     */
    public <T> LoopFuture<T> command(String name, Duration timeout, MessageBuilder builder, MessageParser<T> parser) {
        if (closed.get() || removed) {
            LoopFuture<T> failed = new LoopFuture<>();
            failed.completeExceptionally(gone());
            return failed;
        }
        int seconds = RequestDeadlines.timeoutSeconds(timeout);
        LoopFuture<T> future = AsyncCall.start(loop, (cancellable, callback, userData) -> {
            // Read on the loop thread: a device released since the call fails here instead of reaching libmbim.
            MemorySegment self = device.pointer();
            MemorySegment message;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment errorSlot = GErrors.newSlot(arena);
                message = builder.build(arena, errorSlot);
                GErrors.throwIfSet(errorSlot);
            }
            if (message.equals(MemorySegment.NULL)) {
                throw new IllegalStateException(name + ": libmbim built no message");
            }
            try {
                mbim_device_command(self, message, seconds, cancellable, callback, userData);
            } finally {
                mbim_message_unref(message); // the transaction holds its own reference
            }
            if (session != null) {
                session.reserveBeyond(Integer.toUnsignedLong(mbim_device_get_transaction_id(self)));
            }
        }, (source, result, errorSlot) -> {
            MemorySegment response = mbim_device_command_finish(source, result, errorSlot);
            if (response.equals(MemorySegment.NULL)) {
                return null;
            }
            try (Arena arena = Arena.ofConfined()) {
                if (mbim_message_response_get_result(response, (int) MessageType.COMMAND_DONE.value(), errorSlot) == 0) {
                    return null;
                }
                return parser.parse(response, arena, errorSlot);
            } finally {
                mbim_message_unref(response);
            }
        });
        track(future, name, timeout);
        return future;
    }

    /** The parser of requests whose answer carries nothing the caller needs. */
    public static MessageParser<Void> noResponse() {
        return (message, arena, errorSlot) -> null;
    }

    /**
     * Calls {@code listener} with every matching indication, parsed: on {@link LoopFuture#callbacks()}, one at a time,
     * in the order the modem sent them.
     */
    public <T> MbimSubscription subscribe(int service, long cid, String name, MessageParser<T> parser,
                                       Consumer<T> listener) {
        return indications.add(service, cid, name, parser, listener);
    }

    /** Tells {@code listener} once when the port goes away. Close the result to stop. */
    public MbimSubscription onRemoved(Consumer<MbimDevice> listener) {
        removedListeners.add(listener);
        return () -> removedListeners.remove(listener);
    }

    /**
     * The MS MBIMEx major version agreed at open (1 when none was asked for or the modem refused), so callers know
     * whether the V2/V3 methods and notification layouts apply. Read on the loop thread, which owns the device.
     */
    public LoopFuture<Integer> msMbimExVersion() {
        return loop.submit(() -> Math.max(1, (int) mbim_device_get_ms_mbimex_version(device.pointer(),
                MemorySegment.NULL)));
    }

    public boolean isRemoved() {
        return removed;
    }

    /** Requests sent and not answered yet (tests use it to prove nothing is left behind). */
    public int pendingRequests() {
        return deadlines.pendingCount();
    }

    private void track(LoopFuture<?> future, String name, Duration timeout) {
        Duration deadline = timeout.plus(options.grace());
        // libmbim's own timeout should have fired long before: never let a caller wait beyond this.
        deadlines.watch(future, deadline, () -> timeout(name + ": no answer within " + deadline));
        if (closed.get() || removed) {
            future.failAndCancel(gone()); // removed or closed while it was being registered
        }
    }

    /** What a call on a device that is gone fails with: removed, or closed by its owner. */
    private ClosedException gone() {
        return removed ? new MbimDeviceRemovedException(path + " was removed")
                : new ClosedException(path + " is closed");
    }

    private static MbimCoreException timeout(String message) {
        return new MbimCoreException(MbimErrorDomains.CORE, (int) CoreError.TIMEOUT.value(), message);
    }

    /** On the loop thread, from "device-removed". */
    private void deviceRemoved() {
        removed = true;
        LOG.info("{}: device removed", path);
        deadlines.failAll(() -> new MbimDeviceRemovedException(path + " was removed"));
        for (Consumer<MbimDevice> listener : removedListeners) {
            LoopFuture.callbacks().execute(() -> {
                try {
                    listener.accept(this);
                } catch (RuntimeException e) {
                    LOG.warn("removal listener failed", e);
                }
            });
        }
    }

    /**
     * Closes the port; idempotent, waits a bounded time. With a state dir the MBIM session is kept (no CLOSE is
     * sent, the port is just released), so the next process resumes it and a bearer stays up; otherwise CLOSE is
     * sent as usual.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deadlines.failAll(() -> new ClosedException(path + " is closed"));
        CompletableFuture<Void> done;
        if (session != null || removed) {
            done = loop.submit(() -> {
                disconnectSignals();
                forceClose();
                return null;
            });
        } else {
            done = loop.submit(() -> {
                disconnectSignals();
                return null;
            }).thenCompose(ignored -> AsyncCall.<Void>start(loop,
                    (cancellable, callback, userData) -> mbim_device_close(device.pointer(), closeTimeoutSeconds(),
                            cancellable, callback, userData),
                    (source, result, errorSlot) -> {
                        mbim_device_close_finish(source, result, errorSlot);
                        return null;
                    }));
        }
        // Unref only once the close steps have run: an interrupted or timed-out wait must not free the device
        // under a CLOSE still queued on the loop (libmbim would be handed a dead object).
        done.whenComplete((ignored, error) -> release());
        try {
            if (!loop.inLoopThread()) {
                done.get(closeTimeoutSeconds() * 1000L + options.grace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{}: close did not finish cleanly: {}", path, e.toString());
        }
    }

    private int closeTimeoutSeconds() {
        return Math.min(timeoutSeconds(), CLOSE_TIMEOUT_SECONDS);
    }

    private void disconnectSignals() {
        // Disconnecting runs each handler's destroy notify, which forgets it in the upcall registry.
        SignalConnection indicate = indicateSignal;
        if (indicate != null) {
            indicate.close();
        }
        SignalConnection removal = removedSignal;
        if (removal != null) {
            removal.close();
        }
    }

    /** On the loop thread: releases the port without sending CLOSE (the MBIM session stays with the modem). */
    private void forceClose() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errorSlot = GErrors.newSlot(arena);
            mbim_device_close_force(device.pointer(), errorSlot);
            RuntimeException error = GErrors.take(errorSlot); // frees the GError, if any
            if (error != null) {
                LOG.debug("{}: close_force: {}", path, error.getMessage());
            }
        }
    }

    /** A device that failed to open: released without CLOSE. */
    private void discard() {
        closed.set(true);
        try {
            // One task: the reference must still be held when the port is released.
            loop.execute(() -> {
                try {
                    forceClose();
                } finally {
                    release();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("loop already closed; {} leaks one MbimDevice reference", path);
        }
    }

    /** Drops our one reference; the signals are disconnected first (both steps run in order on the loop). */
    private void release() {
        try {
            disconnectSignals();
            device.close();
        } catch (RejectedExecutionException e) {
            LOG.debug("loop already closed; {} leaks one MbimDevice reference", path);
        }
    }

    private int timeoutSeconds() {
        return RequestDeadlines.timeoutSeconds(options.timeout());
    }

    private static <T> LoopFuture<T> bounded(LoopFuture<T> future, Duration bound, String name) {
        return RequestDeadlines.bound(future, bound, () -> timeout(name + ": not done within " + bound));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
