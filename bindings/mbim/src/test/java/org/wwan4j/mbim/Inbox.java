package org.wwan4j.mbim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects notifications for a test and waits (generously) for one that matches. */
final class Inbox<T> implements Consumer<T> {

    private final List<T> received = new ArrayList<>();

    @Override
    public synchronized void accept(T value) {
        received.add(value);
        notifyAll();
    }

    synchronized T awaitMatching(Predicate<T> wanted) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(EmulatedMbim.WAIT.toSeconds());
        while (true) {
            for (T value : received) {
                if (wanted.test(value)) {
                    return value;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching notification; got " + received);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    synchronized List<T> received() {
        return List.copyOf(received);
    }
}
