package org.wwan4j.agent.daemon;

import java.time.Duration;
import java.time.Instant;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.glib.FilePages;
import org.wwan4j.glib.NativeHeap;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * Runs a memory trim once the agent has gone quiet after activity: after start-up, after a reconnect or a storm of
 * indications. Start-up leaves the most behind (compiler arenas freed into malloc, garbage promoted into the old
 * generation), and a daemon that then idles for days should not keep it. The trim waits until no status has changed
 * for {@code quiet}, runs at most once per {@code minInterval}, and while nothing happens no timer is armed at all,
 * so an idle agent is never woken by it.
 *
 * <p>The one exception to the interval: the trim after start-up's burst comes before the first run of the
 * supervisors' periodic work (counters, the safety tick), and that first run does once what later runs do not:
 * loading and linking its classes, touching pages of the JVM and the archive that are never needed again. So the
 * second trim may come {@code firstCycle} after the first (measured: about 3 MB less for the rest of the agent's
 * life, benchmarks/README.md "Footprint levers, fourth round"); every later one waits {@code minInterval}.
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
    /**
     * Between the collection and the malloc trim: native memory held by objects the collection found dead (auto
     * arenas, GLib objects with a Cleaner) is freed by the cleaner thread after the collection, not during it.
     */
    public static final Duration RELEASE_DELAY = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final Duration quiet;
    private final Duration firstCycle;
    private final Duration minInterval;
    private final Runnable collect;
    private final Runnable release;

    private Instant lastActivity;
    private Instant lastTrim;
    private int trims;
    private boolean pendingActivity;
    private Scheduler.Timer timer;
    private boolean closed;

    /**
     * @param firstCycle the longest period of the agent's periodic work: how soon after the first trim the second may
     *                   run, once that work has run once
     * @param collect    run first (the agent's: a full collection)
     * @param release    run {@link #RELEASE_DELAY} later (the agent's: malloc_trim, returning freed pages to the
     *                   kernel)
     */
    public QuietTimeTrimmer(Scheduler scheduler, Duration quiet, Duration firstCycle, Duration minInterval,
                            Runnable collect, Runnable release) {
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.firstCycle = firstCycle;
        this.minInterval = minInterval;
        this.collect = collect;
        this.release = release;
    }

    /**
     * The standalone agent's trimmer: a full collection, then, once the cleaners have freed, malloc_trim and the
     * file-backed pages only start-up needed handed back (what the agent keeps using comes back on first touch).
     *
     * @param firstCycle the longest period of the supervisors' periodic work (see the class comment)
     */
    public static QuietTimeTrimmer forDaemon(Scheduler scheduler, Duration firstCycle) {
        return new QuietTimeTrimmer(scheduler, QUIET, firstCycle, MIN_INTERVAL, System::gc, () -> {
            NativeHeap.trim();
            FilePages.pageOut();
        });
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
            Instant allowedAt = lastTrim == null ? now : lastTrim.plus(trims == 1 ? firstCycle : minInterval);
            Instant next = quietAt.isAfter(allowedAt) ? quietAt : allowedAt;
            if (next.isAfter(now)) {
                arm(Duration.between(now, next));
                return;
            }
            pendingActivity = false;
            lastTrim = now;
            trims++;
        }
        collect.run(); // outside the lock: a listener call must never wait for a collection
        scheduler.schedule(RELEASE_DELAY, release);
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
