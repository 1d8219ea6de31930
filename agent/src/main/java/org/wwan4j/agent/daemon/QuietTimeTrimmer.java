package org.wwan4j.agent.daemon;

import java.time.Duration;
import java.time.Instant;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * Runs a memory trim once the agent has gone quiet after activity: after start-up, after a reconnect or a storm of
 * indications. Start-up leaves the most behind (compiler arenas freed into malloc, garbage promoted into the old
 * generation), and a daemon that then idles for days should not keep it. The trim waits until no status has changed
 * for {@code quiet}, runs at most once per {@code minInterval}, and while nothing happens no timer is armed at all,
 * so an idle agent is never woken by it.
 */
public final class QuietTimeTrimmer implements AgentListener, AutoCloseable {

    /**
     * Long enough that a connect sequence's status changes count as one burst, and that the JVM has handed its
     * start-up compiler arenas back to malloc (its chunk pool is cleaned every 5 s): trimmed earlier, they land in
     * the malloc arena again after the trim.
     */
    public static final Duration QUIET = Duration.ofSeconds(10);
    /** A full collection of the agent's few megabytes takes milliseconds; this keeps it far below 0.1 % of a core. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(10);

    private final Scheduler scheduler;
    private final Duration quiet;
    private final Duration minInterval;
    private final Runnable trim;

    private Instant lastActivity;
    private Instant lastTrim;
    private boolean pendingActivity;
    private Scheduler.Timer timer;
    private boolean closed;

    public QuietTimeTrimmer(Scheduler scheduler, Duration quiet, Duration minInterval, Runnable trim) {
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.minInterval = minInterval;
        this.trim = trim;
    }

    /** The agent's trim: a full collection (the serial collector then returns the heap's free tail) and malloc_trim. */
    public static Runnable jvmAndMallocTrim() {
        return () -> {
            System.gc();
            org.wwan4j.glib.NativeHeap.trim();
        };
    }

    @Override
    public synchronized void statusChanged(AgentStatus status) {
        if (closed) {
            return;
        }
        lastActivity = scheduler.now();
        pendingActivity = true;
        if (timer == null) {
            arm(quiet);
        }
    }

    private void arm(Duration delay) {
        timer = scheduler.schedule(delay, this::due);
    }

    private void due() {
        synchronized (this) {
            timer = null;
            if (closed || !pendingActivity) {
                return;
            }
            Instant now = scheduler.now();
            Instant quietAt = lastActivity.plus(quiet);
            Instant allowedAt = lastTrim == null ? now : lastTrim.plus(minInterval);
            Instant next = quietAt.isAfter(allowedAt) ? quietAt : allowedAt;
            if (next.isAfter(now)) {
                arm(Duration.between(now, next));
                return;
            }
            pendingActivity = false;
            lastTrim = now;
        }
        trim.run(); // outside the lock: a listener call must never wait for a collection
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
