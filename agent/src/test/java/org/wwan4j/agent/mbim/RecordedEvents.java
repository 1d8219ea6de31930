package org.wwan4j.agent.mbim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemListener;

/** Every event a modem delivered, with a bounded wait for one that matches; records the delivering threads. */
final class RecordedEvents implements ModemListener {

    private final List<ModemEvent> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public synchronized void onEvent(ModemEvent event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    /** The first event of this type matching {@code test}, waiting up to {@link EmulatedMbimModem#WAIT}. */
    synchronized <T extends ModemEvent> T await(Class<T> type, Predicate<T> test) {
        long deadline = System.nanoTime() + EmulatedMbimModem.WAIT.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < events.size(); seen++) {
                ModemEvent event = events.get(seen);
                if (type.isInstance(event) && test.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within "
                        + EmulatedMbimModem.WAIT + "; got " + events);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    synchronized List<String> threads() {
        return List.copyOf(threads);
    }
}
