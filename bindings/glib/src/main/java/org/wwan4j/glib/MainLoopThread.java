package org.wwan4j.glib;

import static org.wwan4j.glib.ffi.glib_h.g_main_context_invoke_full;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_iteration;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_new;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_pop_thread_default;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_push_thread_default;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_unref;
import static org.wwan4j.glib.ffi.glib_h.g_main_context_wakeup;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that owns a private {@code GMainContext}, pushed as its thread-default context, and iterates it.
 * Every libqmi/libmbim call is made by the thread that owns this context: their async callbacks fire on the
 * thread-default context of the calling thread, so calling from its owner is what makes them fire at all.
 *
 * <p>Work from other threads is queued and the loop is woken once per batch with {@code g_main_context_invoke_full}
 * and the shared {@link Upcalls#SOURCE_FUNC} stub, so a burst of requests costs one wake-up, not one per request.
 *
 * <p><b>Handing the context over.</b> A synchronous request that goes through the loop thread crosses threads
 * twice (the caller wakes the loop thread from {@code poll()}, the loop thread wakes the caller from its park), and
 * those two wake-ups cost as much as a C client's whole round trip. A C client makes the call and runs the loop
 * itself until its answer is in. So after the loop thread completed a {@link LoopFuture} some thread was blocked on,
 * it <em>hands the context over</em>: it releases it and parks for at most {@link #HAND_OVER_NANOS}. Meanwhile a
 * caller that {@link #tryEnter enters} the free context runs its work itself ({@link #execute}) and iterates the
 * context until its future is done ({@link LoopFuture#join}), exactly like the C client, with no thread crossing. The
 * loop thread takes the context back when the parking time passed without a caller (or at once, if work is queued
 * for it) and blocks in {@code poll()} again; nothing else makes it hand over, so an idle loop never spins. All
 * GLib work stays serialised: whoever holds {@link #ownership} owns the context, one thread at a time.
 */
public final class MainLoopThread implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainLoopThread.class);
    private static final int G_PRIORITY_DEFAULT = 0;
    private static final int G_SOURCE_REMOVE = 0;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long the loop thread leaves its context to callers after completing an awaited future: far more than a
     * woken caller takes to make its next request (10-20 us), and short enough that an indication arriving while
     * no caller runs the context waits no longer than this. {@code -Dwwan4j.loop.handOverMicros=0} turns it off.
     */
    static final long HAND_OVER_NANOS = TimeUnit.MICROSECONDS.toNanos(Long.getLong("wwan4j.loop.handOverMicros", 1000));
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
    private volatile boolean closed;
    private final MemorySegment drainUserData;
    private final CountDownLatch running = new CountDownLatch(1);
    // Held by whichever thread owns the context: the loop thread, or a caller between tryEnter() and exit().
    private final ReentrantLock ownership = new ReentrantLock();
    // Caller sessions so far: the loop thread keeps handing over while they keep coming.
    private final AtomicLong sessions = new AtomicLong();
    // The loop thread has released the context and is parked; queueing threads unpark it.
    private volatile boolean parked;
    // Set by whichever thread runs close()'s quit task.
    private volatile boolean quit;
    // Loop thread only.
    private boolean handOverWanted;
    // Written by the loop thread only; read by tests.
    private volatile long handOvers;
    private volatile boolean inPoll;

    private final long handOverNanos;

    private MainLoopThread(String name, long handOverNanos) {
        this.handOverNanos = handOverNanos;
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
        return start(name, HAND_OVER_NANOS);
    }

    /** As {@link #start(String)}, handing the context over for {@code handOverNanos} (tests pin it). */
    static MainLoopThread start(String name, long handOverNanos) {
        MainLoopThread loopThread = new MainLoopThread(name, handOverNanos);
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
        ownership.lock();
        g_main_context_push_thread_default(context);
        CURRENT.set(this);
        running.countDown();
        try {
            while (!quit) {
                if (handOverWanted) {
                    handOver();
                } else {
                    inPoll = true;
                    g_main_context_iteration(context, 1);
                    inPoll = false;
                }
            }
        } finally {
            // The quit task can run before close() has returned from its wake-up: wait until no wake-up is in
            // flight before the context is freed. Once closed, none can start, and no caller can enter (closed is
            // checked under the ownership this thread keeps from here on).
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
     * Called where a {@link LoopFuture} some thread waits on was completed: if that happened on the loop thread
     * itself, it hands the context over after the current dispatch.
     */
    static void awaitedFutureCompleted() {
        MainLoopThread current = CURRENT.get();
        if (current != null && current.handOverNanos > 0 && Thread.currentThread() == current.thread) {
            current.handOverWanted = true;
        }
    }

    /**
     * Releases the context and parks, so that callers can run it themselves, until a parking time passes with no
     * caller session; returns owning the context again. Work queued for the loop meanwhile unparks it; it runs
     * that work and what GLib has ready, then parks again while callers keep coming.
     */
    private void handOver() {
        handOverWanted = false;
        handOvers++;
        long seen;
        do {
            seen = sessions.get();
            releaseContext();
            parked = true;
            long end = System.nanoTime() + handOverNanos;
            long left = handOverNanos;
            // Only queued work or close() end the parking early: parkNanos may also return for no reason.
            while (tasks.isEmpty() && !closed && left > 0) {
                LockSupport.parkNanos(this, left);
                left = end - System.nanoTime();
            }
            // Take the context back, without queueing on the lock: a waiter there would make every caller's exit()
            // pay for waking this thread. A caller holding the context runs whatever GLib has ready meanwhile.
            while (!ownership.tryLock()) {
                LockSupport.parkNanos(this, handOverNanos);
            }
            parked = false;
            g_main_context_push_thread_default(context);
            drain();
            g_main_context_iteration(context, 0);
        } while (sessions.get() != seen && !quit);
    }

    /**
     * Makes the calling thread the owner of the context if it is free (the loop thread handed it over and no other
     * caller holds it): it then runs loop work itself until {@link #exit()}. Never waits. Virtual threads never
     * enter: blocking in {@code poll()} would pin their carrier.
     */
    boolean tryEnter() {
        if (closed || CURRENT.get() != null || Thread.currentThread().isVirtual() || !ownership.tryLock()) {
            return false;
        }
        if (closed) {
            ownership.unlock();
            return false;
        }
        g_main_context_push_thread_default(context);
        CURRENT.set(this);
        sessions.incrementAndGet();
        return true;
    }

    /** Ends a session begun by {@link #tryEnter()}. */
    void exit() {
        CURRENT.remove();
        releaseContext();
    }

    /** Gives the context up: no longer the calling thread's default, and free for the next owner. */
    private void releaseContext() {
        g_main_context_pop_thread_default(context);
        ownership.unlock();
    }

    /** One iteration of the context by its current owner; blocks in {@code poll()} until something is ready. */
    void iterate() {
        g_main_context_iteration(context, 1);
    }

    /** Wakes whichever thread is blocked in this context's {@code poll()}; callable from any thread. */
    void wakeContext() {
        g_main_context_wakeup(context);
    }

    /** True on the thread that owns the context now: the loop thread, or a caller that entered it. */
    public boolean inLoopThread() {
        return CURRENT.get() == this;
    }

    /** The thread's {@code GMainContext}. */
    public MemorySegment context() {
        return context;
    }

    /**
     * Runs the task where the context is owned: at once if called from its owner; at once on the calling thread if
     * the context is free (handed over), after the tasks queued before it; else queued in order for the loop thread.
     * Tasks must not block: everything else on this loop (callbacks, indications of every device) waits behind them.
     */
    @Override
    public void execute(Runnable task) {
        if (inLoopThread()) {
            runSafely(task);
            return;
        }
        if (tryEnter()) {
            try {
                drain();
                runSafely(task);
            } finally {
                exit();
            }
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
            if (parked) {
                LockSupport.unpark(thread);
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
        LoopFuture<T> future = new LoopFuture<>(this);
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
            LockSupport.unpark(thread);
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

    /** How often the loop has handed its context over after completing an awaited future (tests count it). */
    long handOvers() {
        return handOvers;
    }

    /** Whether the loop thread has released the context and is parked (tests wait for it). */
    boolean handedOver() {
        return parked;
    }

    /** Caller sessions so far (tests prove that callers ran the context themselves). */
    long sessions() {
        return sessions.get();
    }

    /** Whether the loop thread is in a blocking iteration (tests prove it sleeps again after handing over). */
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
