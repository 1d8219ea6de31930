package org.wwan4j.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a long-running command ends: after an optional duration, or on SIGINT/SIGTERM (Ctrl-C), whichever comes
 * first; either way the cleanup runs exactly once and finishes before the JVM exits.
 */
final class Lifetime {

    private final Runnable cleanup;
    private final CountDownLatch cleaned = new CountDownLatch(1);
    private final Thread hook;
    private boolean ran;

    Lifetime(Runnable cleanup) {
        this.cleanup = cleanup;
        this.hook = new Thread(this::cleanupOnce, "wwan4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until the duration passes (null or zero: until a signal), then cleans up. */
    void await(Duration duration) throws InterruptedException {
        if (duration == null || duration.isZero()) {
            cleaned.await(); // only the shutdown hook ends this
            return;
        }
        if (!cleaned.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook does the cleanup.
            }
            cleanupOnce();
        }
    }

    private void cleanupOnce() {
        synchronized (this) {
            if (ran) {
                return;
            }
            ran = true;
        }
        try {
            cleanup.run();
        } finally {
            cleaned.countDown();
        }
    }
}
