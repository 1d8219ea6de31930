package org.wwan4j.glib;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor. Each indication subscription (QMI and MBIM
 * alike) has one: the loop thread hands it the values in the order the modem sent them, and the listener sees them
 * in that order although {@link LoopFuture#callbacks()} has several threads, and never two at once. Costs no
 * thread of its own: it borrows one of the delegate's while it has work.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    /** A serial executor on {@link LoopFuture#callbacks()}: what listeners of one subscription run on. */
    public static SerialExecutor onCallbacks() {
        return new SerialExecutor(LoopFuture.callbacks());
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return; // the drain under way will reach it, after every earlier task
            }
            running = true;
        }
        try {
            delegate.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (tasks) {
                tasks.clear();
                running = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("listener failed", e);
            }
        }
    }
}
