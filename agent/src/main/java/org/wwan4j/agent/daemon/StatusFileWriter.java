package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.StatusJson;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * Writes status snapshots to the status file, atomically (readers never see half a file), at most once per
 * {@link #MIN_WRITE_INTERVAL}: a modem storming signal indications would otherwise have the file rewritten hundreds
 * of times a second. The first snapshot after a quiet spell is written at once; snapshots arriving sooner are
 * coalesced and the latest is written when the interval is up, so the file is never more than one interval behind.
 *
 * <p>That delayed write runs on a scheduler the agent already has (the daemon's housekeeping thread), not on a
 * {@code CompletableFuture.delayedExecutor}: that one would keep the JDK's common-pool delay thread alive for the
 * agent's whole life, one more thread stack for a write a minute.
 */
public final class StatusFileWriter implements AgentListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusFileWriter.class);

    /** Readers poll a status file; a few rewrites a second keep it current without burning flash and CPU. */
    public static final Duration MIN_WRITE_INTERVAL = Duration.ofMillis(250);

    private final Path file;
    private final Scheduler scheduler;
    private final Duration minInterval;
    private final Object lock = new Object();
    private final Object writing = new Object();
    private final AtomicLong writes = new AtomicLong();
    private String lastError;

    // Guarded by lock.
    private AgentStatus pending;
    private boolean flushScheduled;
    private long lastWriteNanos;
    private boolean wroteOnce;
    private boolean closed;

    /** @param scheduler runs the coalesced write when the interval is up (file I/O: not the agent's thread) */
    public StatusFileWriter(Path file, Scheduler scheduler) {
        this(file, scheduler, MIN_WRITE_INTERVAL);
    }

    StatusFileWriter(Path file, Scheduler scheduler, Duration minInterval) {
        this.file = file;
        this.scheduler = scheduler;
        this.minInterval = minInterval;
    }

    @Override
    public void statusChanged(AgentStatus status) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            pending = status;
            if (flushScheduled) {
                return; // the scheduled write will take this newer snapshot
            }
            long wait = wroteOnce ? lastWriteNanos + minInterval.toNanos() - System.nanoTime() : 0;
            if (wait > 0) {
                flushScheduled = true;
                scheduler.schedule(Duration.ofNanos(wait), this::flush);
                return;
            }
        }
        flush();
    }

    /** Status files written so far (a gauge for load tests: the rate must stay bounded). */
    public long writes() {
        return writes.get();
    }

    /**
     * Writes what is pending now; later snapshots are ignored. A write still scheduled does nothing when it comes
     * (or never comes: the scheduler may be closed first).
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        flush();
    }

    private void flush() {
        synchronized (writing) {
            AgentStatus status;
            synchronized (lock) {
                status = pending;
                pending = null;
                flushScheduled = false;
                lastWriteNanos = System.nanoTime();
                wroteOnce = true;
            }
            if (status != null) {
                write(status);
            }
        }
    }

    private void write(AgentStatus status) {
        try {
            StatusJson.writeStatusFile(file, status);
            writes.incrementAndGet();
            lastError = null;
        } catch (IOException e) {
            // Once per distinct problem: a full disk would otherwise log on every change.
            if (!e.toString().equals(lastError)) {
                lastError = e.toString();
                LOG.warn("cannot write status file {}: {}", file, e.toString());
            }
        }
    }
}
