package org.wwan4j.glib;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The future every request returns. It is completed by the owner of the GLib context (so a caller blocked in
 * {@code join()} is woken directly, with no extra hand-off), but user code attached to it never runs there: every
 * dependent stage, including the non-async forms such as {@link #thenApply}, runs on the callback executor. A slow
 * listener therefore cannot stall the loop that serves every device. {@link #cancel} also cancels the underlying
 * {@code GCancellable}.
 *
 * <p>A future that knows its {@link MainLoopThread} is waited for as a C client waits: if the loop thread has
 * handed its context over, {@link #join()} and {@link #get()} run the context on the calling thread until the future
 * is done, so the answer is dispatched on the thread that waits for it.
 */
public class LoopFuture<T> extends CompletableFuture<T> {

    private static final Executor CALLBACKS = callbackExecutor();

    private final MainLoopThread loop;
    private volatile Runnable onCancel;
    /** A caller runs the loop's context until this future is done: completing it elsewhere must wake that caller. */
    private volatile boolean runByWaiter;
    /** Registered with {@link RequestDeadlines}: completing it must take it out again. */
    private volatile boolean watched;

    public LoopFuture() {
        this(null);
    }

    /** A future that callers may wait for by running {@code loop}'s context themselves. */
    public LoopFuture(MainLoopThread loop) {
        this.loop = loop;
    }

    /** The executor user continuations and listeners run on: daemon threads that end when idle. */
    public static Executor callbacks() {
        return CALLBACKS;
    }

    private static Executor callbackExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> Thread.ofPlatform().name("wwan4j-callback-" + count.incrementAndGet()).daemon(true).unstarted(task));
        executor.allowCoreThreadTimeOut(true); // no threads at all while nothing happens
        return executor;
    }

    /** Sets what {@link #cancel} does besides completing the future (cancel the native operation). */
    void onCancel(Runnable action) {
        onCancel = action;
    }

    void markWatched() {
        watched = true;
    }

    @Override
    public boolean complete(T value) {
        boolean awaited = getNumberOfDependents() > 0;
        boolean completed = super.complete(value);
        if (completed) {
            completed(awaited);
        }
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable cause) {
        boolean awaited = getNumberOfDependents() > 0;
        boolean completed = super.completeExceptionally(cause);
        if (completed) {
            completed(awaited);
        }
        return completed;
    }

    private void completed(boolean awaited) {
        if (runByWaiter && !loop.inLoopThread()) {
            loop.wakeContext(); // completed by a deadline, a cancel or a removal on another thread
        }
        if (watched) {
            RequestDeadlines.forget(this);
        }
        if (awaited) {
            // Someone waited (a caller in join(), a dependent stage): its next request is likely to follow at once.
            MainLoopThread.awaitedFutureCompleted();
        }
    }

    @Override
    public T join() {
        runLoopUntilDone();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        runLoopUntilDone();
        return super.get();
    }

    /**
     * If the context is free, owns it and iterates it until this future is done. Otherwise returns at once, and
     * the caller waits as for any future (the loop thread or the context's current owner completes it). Setting
     * {@link #runByWaiter} before looking at {@link #isDone()} means a completion on another thread either is seen
     * here or wakes the iteration.
     */
    private void runLoopUntilDone() {
        if (loop == null || isDone() || !loop.tryEnter()) {
            return;
        }
        try {
            runByWaiter = true;
            while (!isDone()) {
                loop.iterate();
            }
        } finally {
            runByWaiter = false;
            loop.exit();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled && watched) {
            RequestDeadlines.forget(this);
        }
        Runnable action = onCancel;
        if (cancelled && action != null) {
            action.run();
        }
        return cancelled;
    }

    /**
     * Completes the future with {@code cause} and, if that completed it, also cancels the underlying operation as
     * {@link #cancel} would (e.g. a Java-side deadline or a removed device: the caller sees the real reason, and
     * libqmi/libmbim stop waiting). Returns whether this call completed the future.
     */
    public boolean failAndCancel(Throwable cause) {
        boolean completed = completeExceptionally(cause);
        Runnable action = onCancel;
        if (completed && action != null) {
            action.run();
        }
        return completed;
    }

    @Override
    public Executor defaultExecutor() {
        return CALLBACKS;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new LoopFuture<>();
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return thenApplyAsync(fn);
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return thenAcceptAsync(action);
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return thenRunAsync(action);
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other,
                                                   BiFunction<? super T, ? super U, ? extends V> fn) {
        return thenCombineAsync(other, fn);
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other,
                                                      BiConsumer<? super T, ? super U> action) {
        return thenAcceptBothAsync(other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return runAfterBothAsync(other, action);
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return applyToEitherAsync(other, fn);
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return acceptEitherAsync(other, action);
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return runAfterEitherAsync(other, action);
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return thenComposeAsync(fn);
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return whenCompleteAsync(action);
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return handleAsync(fn);
    }

    @Override
    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return exceptionallyAsync(fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return exceptionallyComposeAsync(fn);
    }
}
