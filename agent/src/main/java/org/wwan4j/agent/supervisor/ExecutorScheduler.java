package org.wwan4j.agent.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link Scheduler} with a daemon platform thread of its own: for work that may block for a while and must not
 * hold up the supervisors (the daemon's housekeeping: status writes with fsync, the memory trim's collection), and
 * for tests. The agent and its supervisors share one {@link SchedulerThread} instead.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private final SchedulerThread thread;
    private final SchedulerThread.View scheduler;

    public ExecutorScheduler(String threadName, Clock clock) {
        this.thread = new SchedulerThread(threadName, clock);
        this.scheduler = thread.newScheduler(threadName);
    }

    @Override
    public Instant now() {
        return scheduler.now();
    }

    @Override
    public void execute(Runnable task) {
        scheduler.execute(task);
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return scheduler.schedule(delay, task);
    }

    /** Tasks waiting on the thread: see {@link SchedulerThread#queuedTasks()}. */
    public int queuedTasks() {
        return thread.queuedTasks();
    }

    /** Drops what is still queued and stops the thread. */
    @Override
    public void close() {
        scheduler.close();
        thread.close();
    }
}
