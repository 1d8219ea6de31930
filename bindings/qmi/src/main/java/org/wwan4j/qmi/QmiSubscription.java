package org.wwan4j.qmi;

import java.util.concurrent.atomic.AtomicBoolean;

/** An indication listener registration; {@link #close()} stops it (idempotent). */
public final class QmiSubscription implements AutoCloseable {

    private final Runnable disconnect;
    private final AtomicBoolean closed = new AtomicBoolean();

    QmiSubscription(Runnable disconnect) {
        this.disconnect = disconnect;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            disconnect.run();
        }
    }
}
