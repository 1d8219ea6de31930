package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_main_context_invoke_full;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_iteration;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_new;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_pop_thread_default;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_push_thread_default;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_unref;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that owns a private {@code GMainContext}, pushed as its thread-default context, and runs a
 * {@code GMainLoop} on it. Every libqmi/libmbim call is made on this thread: their async callbacks fire on the
 * thread-default context of the calling thread, so calling from here is what makes them fire at all.
 *
 * <p>Work from other threads is queued and the loop is woken once per batch with {@code g_main_context_invoke_full}
 * and the shared {@link Upcalls#SOURCE_FUNC} stub, so a burst of requests costs one wake-up, not one per request.
 *
 * <p>Waking the loop from {@code poll()} is most of what a synchronous request costs beyond libqmi/libmbim (the
 * caller's {@code g_main_context_invoke_full} and the loop thread's scheduling, about 15 us of a 100 us request).
 * So after it completed a {@link LoopFuture} some thread was blocked on, the loop <em>lingers</em>: for at most
 * {@link #LINGER_NANOS} it watches the task queue instead of sleeping, and a request the woken caller queues
 * meanwhile (the next one of a sequence) needs no wake-up at all. Nothing else makes it linger, so an idle loop
 * never spins.
 */
public final class MainLoopThread implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainLoopThread.class);
    private static final int G_PRIORITY_DEFAULT = 0;
    private static final int G_SOURCE_REMOVE = 0;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long the loop watches the queue after completing an awaited future: about what a woken caller takes to
     * queue its next request (10-20 us), with room for a loaded machine. {@code -Dwwan4j.loop.lingerMicros=0}
     * turns it off.
     */
    static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(Long.getLong("wwan4j.loop.lingerMicros", 50));
    private static final ThreadLocal<MainLoopThread> CURRENT = new ThreadLocal<>();

    private static final class SharedHolder {
        static final MainLoopThread SHARED = start("wwan4j-glib");
    }

    private final MemorySegment context;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    // Read-held while queueing, write-held while closing: no wake-up can reach a context the loop already freed.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    private final MemorySegment drainUserData;
    private final CountDownLatch running = new CountDownLatch(1);
    // Loop thread only.
    private boolean quit;
    private boolean lingerWanted;
    // Written by the loop thread only; read by tests.
    private volatile long lingers;
    private volatile boolean inPoll;

    private MainLoopThread(String name) {
        context = g_main_context_new();
        drainUserData = Upcalls.persistent((IntSupplier) this::drain);
        thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::runLoop);
    }

    /** The process-wide loop thread, started on first use. */
    public static MainLoopThread shared() {
        return SharedHolder.SHARED;
    }

    /** Starts a new loop thread with its own context (e.g. one per device group). */
    public static MainLoopThread start(String name) {
        MainLoopThread loopThread = new MainLoopThread(name);
        loopThread.thread.start();
        try {
            loopThread.running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
        return loopThread;
    }

    private void runLoop() {
        g_main_context_push_thread_default(context);
        CURRENT.set(this);
        running.countDown();
        try {
            while (!quit) {
                if (lingerWanted) {
                    linger();
                    if (lingerWanted) {
                        // Another linger follows at once: let GLib dispatch what is ready first, without sleeping.
                        g_main_context_iteration(context, 0);
                    }
                } else {
                    inPoll = true;
                    g_main_context_iteration(context, 1);
                    inPoll = false;
                }
            }
        } finally {
            // The quit task can run before close() has returned from its wake-up (a lingering loop sees it at once):
            // wait until no wake-up is in flight before the context is freed. Once closed, none can start.
            Lock closing = lifecycle.writeLock();
            closing.lock();
            closing.unlock();
            drain(); // tasks queued before close still run (e.g. unrefs)
            g_main_context_pop_thread_default(context);
            g_main_context_unref(context);
            Upcalls.forget(drainUserData);
        }
    }

    /**
     * Called where a {@link LoopFuture} some thread waits on was completed: if that is this loop's thread, it lingers
     * after the current dispatch.
     */
    static void awaitedFutureCompleted() {
        MainLoopThread current = CURRENT.get();
        if (current != null && LINGER_NANOS > 0) {
            current.lingerWanted = true;
        }
    }

    /**
     * Watches the queue for a short while instead of sleeping in {@code poll()}. Holding {@link #wakeupPending} set
     * meanwhile tells callers that the loop is awake and will look at the queue, so they skip the wake-up; the
     * closing {@link #drain} clears it before its last look, as after any wake-up.
     */
    private void linger() {
        lingerWanted = false;
        if (!wakeupPending.compareAndSet(false, true)) {
            return; // a wake-up is on its way: the next iteration drains the queue anyway
        }
        lingers++;
        long end = System.nanoTime() + LINGER_NANOS;
        while (tasks.isEmpty() && System.nanoTime() - end < 0) {
            Thread.yield(); // not a busy spin: on a shared core the woken caller or the modem's peer may need it
        }
        drain();
    }

    /** True on the loop thread itself. */
    public boolean inLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** The thread's {@code GMainContext}. */
    public MemorySegment context() {
        return context;
    }

    /**
     * Runs the task on the loop thread: at once if called from it, else queued in order. Tasks must not block:
     * everything else on this loop (callbacks, indications of every device) waits behind them.
     */
    @Override
    public void execute(Runnable task) {
        if (inLoopThread()) {
            runSafely(task);
            return;
        }
        Lock queueing = lifecycle.readLock();
        queueing.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException(thread.getName() + " is closed");
            }
            tasks.add(task);
            if (wakeupPending.compareAndSet(false, true)) {
                wakeUp();
            }
        } finally {
            queueing.unlock();
        }
    }

    private void wakeUp() {
        g_main_context_invoke_full(context, G_PRIORITY_DEFAULT, Upcalls.SOURCE_FUNC, drainUserData, MemorySegment.NULL);
    }

    /** Runs the callable on the loop thread and returns its result; user code on the future never runs there. */
    public <T> LoopFuture<T> submit(Callable<T> callable) {
        LoopFuture<T> future = new LoopFuture<>();
        execute(() -> {
            try {
                future.complete(callable.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    private int drain() {
        // Clear the flag before draining: a task added meanwhile either is drained below or schedules a new wake-up.
        wakeupPending.set(false);
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runSafely(task);
        }
        return G_SOURCE_REMOVE;
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("task on the GLib loop thread failed", t);
        }
    }

    /** Stops the loop after the tasks already queued; idempotent. Waits a bounded time for the thread to end. */
    @Override
    public void close() {
        Lock closing = lifecycle.writeLock();
        closing.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            tasks.add(() -> quit = true);
            wakeUp();
        } finally {
            closing.unlock();
        }
        if (!inLoopThread()) {
            try {
                if (!thread.join(STOP_TIMEOUT)) {
                    LOG.warn("{} did not stop within {}", thread.getName(), STOP_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How often the loop has lingered after completing an awaited future (tests prove when it does). */
    long lingers() {
        return lingers;
    }

    /** Whether the loop is in a blocking iteration (tests prove it sleeps again after lingering). */
    boolean inPoll() {
        return inPoll;
    }

    /** Waits until every task queued before this call has run; for tests and orderly shutdown. */
    public boolean sync(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        execute(done::countDown);
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
