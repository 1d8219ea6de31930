package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inotify watch service and one thread for every file watcher of the process (the config file, the device
 * paths). Each JDK {@link WatchService} brings its own background thread and each watcher had its own consumer
 * thread too; sharing them saves two thread stacks for the agent's whole life.
 *
 * <p>Watchers subscribe to directories with the event kinds they care about. A directory is registered once, with
 * the union of its subscribers' kinds (the JDK keeps one key per directory and service), and each subscriber only
 * sees the kinds it asked for (plus {@code OVERFLOW}). A watcher may also ask to be woken after a delay, for its
 * debouncing and periodic re-reads: every call to a {@link Handler} comes on the one thread, so a handler needs no
 * locking against itself, and a slow handler delays the others (handlers only read a file or post work).
 */
public final class FileWatches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatches.class);

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** After an unexpected error in the loop, pause this long so a persistent one cannot spin. */
    static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    /** What a watcher does with its events; every call comes on the watch thread, one at a time. */
    public interface Handler {
        /** Events of the subscribed kinds (or OVERFLOW) in a directory this watcher watches. */
        void changed(Path directory, List<WatchEvent<?>> events);

        /** The directory is no longer watched (removed, or its file system unmounted); subscribe again to resume. */
        default void gone(Path directory) {
        }

        /** The delay asked for with {@link Watcher#wakeUpAfter} has passed. */
        default void wakeUp() {
        }
    }

    private record Subscription(Watcher watcher, Set<WatchEvent.Kind<?>> kinds) {
    }

    /** A watched directory: its key and who wants which kinds. */
    private static final class Directory {
        WatchKey key;
        final Map<Watcher, Set<WatchEvent.Kind<?>>> subscribers = new LinkedHashMap<>();
    }

    private final WatchService service;
    private final Thread thread;
    // Guarded by this.
    private final Map<Path, Directory> directories = new HashMap<>();
    private final Map<WatchKey, Path> directoryByKey = new HashMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    /** True while the thread waits for events: only then may a new, earlier wake-up interrupt it. */
    private boolean waiting;
    private volatile boolean closed;

    private FileWatches(WatchService service, String threadName) {
        this.service = service;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
    }

    /** Starts the watch thread (named {@code file-watches}), watching nothing yet. */
    public static FileWatches start() throws IOException {
        return start("file-watches");
    }

    /** As {@link #start()}, with the thread named as given (a watcher that runs alone keeps its own name). */
    public static FileWatches start(String threadName) throws IOException {
        FileWatches watches = new FileWatches(FileSystems.getDefault().newWatchService(), threadName);
        watches.thread.start();
        return watches;
    }

    /** A new watcher, subscribed to nothing yet. */
    public synchronized Watcher add(Handler handler) {
        Watcher watcher = new Watcher(handler);
        watchers.add(watcher);
        return watcher;
    }

    /** One client's share: its directories, its wake-up, its handler. */
    public final class Watcher implements AutoCloseable {
        private final Handler handler;
        /** Held during each call to the handler: close() waits for the one in progress. Reentrant: a handler may close. */
        private final ReentrantLock calling = new ReentrantLock();
        private volatile boolean stopped;
        // Guarded by FileWatches.this.
        private long wakeUpAtNanos;
        private boolean wakeUpArmed;

        private Watcher(Handler handler) {
            this.handler = handler;
        }

        /**
         * Subscribes to events of {@code kinds} in {@code directory}, replacing the kinds asked for before; fails
         * when the directory cannot be watched (missing, not a directory).
         */
        public void watch(Path directory, WatchEvent.Kind<?>... kinds) throws IOException {
            subscribe(this, directory.toAbsolutePath().normalize(), Set.of(kinds));
        }

        /** Stops watching {@code directory} (nothing when not watched). */
        public void unwatch(Path directory) {
            unsubscribe(this, directory.toAbsolutePath().normalize());
        }

        /** Calls {@link Handler#wakeUp()} once {@code delay} has passed, replacing a wake-up asked for before. */
        public void wakeUpAfter(Duration delay) {
            armWakeUp(this, System.nanoTime() + delay.toNanos());
        }

        /** Unsubscribes from everything; once this returns the handler is not called again. */
        @Override
        public void close() {
            try {
                if (!calling.tryLock(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("a file watch handler did not return within {}", CLOSE_TIMEOUT);
                }
                stopped = true;
                if (calling.isHeldByCurrentThread()) {
                    calling.unlock();
                }
            } catch (InterruptedException e) {
                stopped = true;
                Thread.currentThread().interrupt();
            }
            remove(this);
        }

        private void call(Runnable call) {
            calling.lock();
            try {
                if (!stopped) {
                    call.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("file watch handler failed: {}", e.toString(), e);
            } finally {
                calling.unlock();
            }
        }
    }

    private synchronized void subscribe(Watcher watcher, Path dir, Set<WatchEvent.Kind<?>> kinds) throws IOException {
        if (closed) {
            throw new ClosedWatchServiceException();
        }
        Directory directory = directories.get(dir);
        Set<WatchEvent.Kind<?>> union = new HashSet<>(kinds);
        if (directory != null) {
            directory.subscribers.forEach((other, theirs) -> {
                if (other != watcher) {
                    union.addAll(theirs);
                }
            });
        }
        // Registering a directory again returns its key with the new kinds; a directory removed and made again (its
        // old key ended) gets a new key, which then serves every subscriber, the others included.
        WatchKey key = dir.register(service, union.toArray(WatchEvent.Kind<?>[]::new));
        if (directory == null) {
            directory = new Directory();
            directories.put(dir, directory);
        } else if (directory.key != key) {
            directoryByKey.remove(directory.key);
        }
        directory.key = key;
        directoryByKey.put(key, dir);
        directory.subscribers.put(watcher, Set.copyOf(kinds));
    }

    private synchronized void unsubscribe(Watcher watcher, Path dir) {
        Directory directory = directories.get(dir);
        if (directory == null || directory.subscribers.remove(watcher) == null) {
            return;
        }
        if (directory.subscribers.isEmpty()) {
            directory.key.cancel();
            forget(dir);
            return;
        }
        if (!directory.key.isValid()) {
            return; // ended: its last events tell the others it is gone
        }
        Set<WatchEvent.Kind<?>> union = new HashSet<>();
        directory.subscribers.values().forEach(union::addAll);
        try {
            // Narrowed to what is still wanted: the same key while the directory is the one registered.
            WatchKey key = dir.register(service, union.toArray(WatchEvent.Kind<?>[]::new));
            if (key != directory.key) {
                directoryByKey.remove(directory.key);
                directory.key = key;
                directoryByKey.put(key, dir);
            }
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.debug("cannot narrow the watch on {}: {}", dir, e.toString());
        }
    }

    private void forget(Path dir) {
        Directory directory = directories.remove(dir);
        if (directory != null) {
            directoryByKey.remove(directory.key);
        }
    }

    private synchronized void remove(Watcher watcher) {
        for (Path dir : List.copyOf(directories.keySet())) {
            unsubscribe(watcher, dir);
        }
        watcher.wakeUpArmed = false;
        watchers.remove(watcher);
    }

    private synchronized void armWakeUp(Watcher watcher, long atNanos) {
        boolean earlier = nextWakeUpNanos() == null || atNanos - nextWakeUpNanos() < 0;
        watcher.wakeUpAtNanos = atNanos;
        watcher.wakeUpArmed = true;
        if (earlier && waiting && Thread.currentThread() != thread) {
            thread.interrupt(); // to wait again with the shorter timeout; see run()
        }
    }

    /** Guarded by this; null when no watcher asked to be woken. */
    private Long nextWakeUpNanos() {
        Long next = null;
        for (Watcher watcher : watchers) {
            if (watcher.wakeUpArmed && (next == null || watcher.wakeUpAtNanos - next < 0)) {
                next = watcher.wakeUpAtNanos;
            }
        }
        return next;
    }

    private void run() {
        while (!closed) {
            try {
                WatchKey key = awaitKey();
                if (key != null) {
                    dispatch(key);
                }
                wakeDueWatchers();
            } catch (ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("file watches: {}", e.toString(), e);
                pause();
            }
        }
    }

    /**
     * Waits for the next key until the earliest wake-up; null when that came first or a new wake-up interrupted
     * the wait. The interrupt flag is cleared before any handler runs: a handler reading a file through an
     * interruptible channel must never find it set.
     */
    private WatchKey awaitKey() {
        Long next;
        synchronized (this) {
            next = nextWakeUpNanos();
            waiting = true;
        }
        try {
            if (next == null) {
                return service.take();
            }
            long wait = next - System.nanoTime();
            return wait <= 0 ? service.poll() : service.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null;
        } finally {
            synchronized (this) {
                waiting = false;
            }
            Thread.interrupted(); // an interrupt sent while waiting that arrived after the key: no longer wanted
        }
    }

    private void dispatch(WatchKey key) {
        List<WatchEvent<?>> events = key.pollEvents();
        boolean stillWatched = key.reset();
        Path dir;
        boolean gone = false;
        List<Subscription> subscriptions = new ArrayList<>();
        synchronized (this) {
            dir = directoryByKey.get(key);
            Directory directory = dir == null ? null : directories.get(dir);
            if (directory == null) {
                return; // unsubscribed meanwhile
            }
            directory.subscribers.forEach((watcher, kinds) -> subscriptions.add(new Subscription(watcher, kinds)));
            if (!stillWatched) {
                directoryByKey.remove(key);
                // A directory replaced under its path was registered again with a new key: the old one's end is
                // no news to its subscribers.
                if (directory.key == key) {
                    forget(dir);
                    gone = true;
                }
            }
        }
        boolean tellGone = gone;
        for (Subscription subscription : subscriptions) {
            List<WatchEvent<?>> theirs = events.stream()
                    .filter(e -> e.kind() == StandardWatchEventKinds.OVERFLOW
                            || subscription.kinds().contains(e.kind()))
                    .toList();
            if (!theirs.isEmpty()) {
                subscription.watcher().call(() -> subscription.watcher().handler.changed(dir, theirs));
            }
            if (tellGone) {
                subscription.watcher().call(() -> subscription.watcher().handler.gone(dir));
            }
        }
    }

    private void wakeDueWatchers() {
        List<Watcher> due = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Watcher watcher : watchers) {
                if (watcher.wakeUpArmed && now - watcher.wakeUpAtNanos >= 0) {
                    watcher.wakeUpArmed = false;
                    due.add(watcher);
                }
            }
        }
        for (Watcher watcher : due) {
            watcher.call(watcher.handler::wakeUp);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ERROR_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread and every watch; handlers are not called once this returns. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing watch service: {}", e.toString());
        }
        if (Thread.currentThread() == thread) {
            return; // a handler closing the whole service: the loop ends when it returns
        }
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOG.warn("file watch thread did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the watch thread is still running (false soon after {@link #close()}). */
    public boolean running() {
        return thread.isAlive();
    }
}
