package org.wwan4j.emulator.fault.hostile;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link HostileFrameSequence} to a port at a steady rate, between the port's normal frames (the port's
 * writer serialises whole frames, so normal traffic goes on around the bad frames). Frames are held back while no
 * client has the port open, so the count is what clients really receive. Ends after the count or on {@link #close}.
 */
public final class HostileStorm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostileStorm.class);

    /** How often a storm looks again for a client when none has the port open. */
    private static final long NO_CLIENT_RETRY_MILLIS = 20;
    private static final long CLOSE_JOIN_MILLIS = 2_000;

    /** Where the frames go: the port, as they are; false when no client is there to get them. */
    @FunctionalInterface
    public interface RawWriter {
        boolean write(byte[] frame);
    }

    private final HostileFrameSequence sequence;
    private final HostileOptions options;
    private final RawWriter writer;
    private final AutoCloseable onFinish;
    private final AtomicIntegerArray sentByKind = new AtomicIntegerArray(HostileKind.values().length);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;

    /** Starts writing at once; {@code onFinish} is closed when the storm ends (e.g. to stop observing real frames). */
    public HostileStorm(HostileFrameSequence sequence, HostileOptions options, RawWriter writer,
                        AutoCloseable onFinish) {
        this.sequence = sequence;
        this.options = options;
        this.writer = writer;
        this.onFinish = onFinish;
        this.thread = Thread.ofPlatform().daemon().name("wwan4j-emulator-hostile").unstarted(this::run);
        thread.start();
    }

    private void run() {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / options.framesPerSecond();
        long due = System.nanoTime();
        try {
            for (int i = 0; i < options.count(); i++) {
                HostileFrame frame = sequence.next();
                while (!writer.write(frame.bytes())) {
                    // The schedule keeps running while no client is there: the frames held back go out as soon
                    // as one comes, so a client that keeps reopening still gets the count in about count/rate.
                    Thread.sleep(NO_CLIENT_RETRY_MILLIS);
                }
                sentByKind.incrementAndGet(frame.kind().ordinal());
                due += periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            LOG.info("hostile storm done: {}", sentByKind());
        } catch (InterruptedException e) {
            LOG.info("hostile storm stopped after {} frames", sent());
        } catch (RuntimeException e) {
            LOG.error("hostile storm failed after {} frames", sent(), e);
        } finally {
            try {
                onFinish.close();
            } catch (Exception e) {
                LOG.warn("hostile storm cleanup failed", e);
            }
            done.countDown();
        }
    }

    public HostileOptions options() {
        return options;
    }

    /** Frames written so far. */
    public int sent() {
        int total = 0;
        for (int i = 0; i < sentByKind.length(); i++) {
            total += sentByKind.get(i);
        }
        return total;
    }

    public Map<HostileKind, Integer> sentByKind() {
        Map<HostileKind, Integer> counts = new EnumMap<>(HostileKind.class);
        for (HostileKind kind : HostileKind.values()) {
            counts.put(kind, sentByKind.get(kind.ordinal()));
        }
        return counts;
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits until every frame is written (or the storm was closed); false if the bound passed first. */
    public boolean awaitDone(Duration bound) throws InterruptedException {
        return done.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops writing (frames not yet written are not sent) and waits for the writer thread to end. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(CLOSE_JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
