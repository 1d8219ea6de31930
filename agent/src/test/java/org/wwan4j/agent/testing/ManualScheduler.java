package org.wwan4j.agent.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * A scheduler on virtual time, run by the test's own thread: tasks run only inside {@link #runReady()} and
 * {@link #advance}, so tests never sleep and never depend on real timing.
 */
public final class ManualScheduler implements Scheduler {

    private record Task(long dueNanos, long seq, Runnable body) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.seq, b.seq));
    private final Instant start;
    private long nowNanos;
    private long seq;

    public ManualScheduler(Instant start) {
        this.start = start;
    }

    public ManualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(nowNanos);
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(new Task(nowNanos, seq++, task));
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + delay.toNanos(), seq++, task);
        queue.add(t);
        return () -> {
            synchronized (this) {
                queue.remove(t);
            }
        };
    }

    /** Runs every task due now, including those they submit; returns how many ran. */
    public int runReady() {
        int ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNanos > nowNanos) {
                    return ran;
                }
                queue.poll();
            }
            next.body.run();
            ran++;
            if (ran > 100_000) {
                throw new IllegalStateException("runaway task loop");
            }
        }
    }

    /** Moves virtual time forward, running each task at its due time. */
    public void advance(Duration by) {
        long target = nowNanos + by.toNanos();
        runReady();
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNanos > target) {
                    nowNanos = target;
                    break;
                }
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            runReady();
        }
        runReady();
    }

    /** Delay until the earliest pending task, or null when nothing is pending. */
    public synchronized Duration nextDelay() {
        Task next = queue.peek();
        return next == null ? null : Duration.ofNanos(next.dueNanos - nowNanos);
    }
}
