package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a configured device path ({@code /dev/cdc-wdm0}, an emulator's link) appears or disappears, so a
 * modem matched by path is noticed as unplugged and replugged at once, without polling. Uses inotify (through the
 * JDK's {@link WatchService}) on the directory holding each path: the kernel creates and deletes device nodes in
 * devtmpfs like files, udev its symlinks, the emulator its link, and a watch on the directory also sees a node
 * that is replaced by a rename.
 *
 * <p>When the directory itself is missing (a {@code /dev/serial/by-id} that udev has not made yet), the nearest
 * existing ancestor is watched for the next path element instead, and the watch moves down as directories appear.
 * The listener is only told that something changed; it re-reads the truth itself (discovery), so a lost or
 * coalesced event (OVERFLOW) costs nothing but a re-read. One daemon thread, blocked in the kernel between events.
 */
public final class DeviceNodeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceNodeWatcher.class);

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** After an unexpected error in the loop, pause this long so a persistent one cannot spin. */
    static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    /**
     * Created and deleted (renames count as both), never modified: a write to a device node counts as a
     * modification of it, so every request to the modem would look like a change.
     */
    private static final WatchEvent.Kind<?>[] KINDS = {StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE};

    private final WatchService service;
    private final Runnable changed;
    private final Thread thread;
    // Guarded by this: the paths asked for and, per watched directory, its key and the names that matter in it.
    private Set<Path> paths = Set.of();
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Map<WatchKey, Set<Path>> namesByKey = new HashMap<>();
    private volatile boolean closed;

    private DeviceNodeWatcher(WatchService service, Runnable changed) {
        this.service = service;
        this.changed = changed;
        this.thread = Thread.ofPlatform().name("device-node-watcher").daemon().unstarted(this::run);
    }

    /**
     * Starts watching nothing; {@link #watch} sets the paths.
     *
     * @param changed called on the watcher's thread when a watched path may have appeared or gone; keep it short
     */
    public static DeviceNodeWatcher start(Runnable changed) throws IOException {
        DeviceNodeWatcher watcher = new DeviceNodeWatcher(FileSystems.getDefault().newWatchService(), changed);
        watcher.thread.start();
        return watcher;
    }

    /** Replaces the watched paths (relative ones are taken from the working directory). */
    public synchronized void watch(Collection<Path> devicePaths) {
        Set<Path> next = new LinkedHashSet<>();
        devicePaths.forEach(p -> next.add(p.toAbsolutePath().normalize()));
        paths = Set.copyOf(next);
        register();
    }

    /** The paths watched now. */
    public synchronized Set<Path> paths() {
        return paths;
    }

    /** Watches the nearest existing directory above each path for the next element of that path. */
    private void register() {
        Map<Path, Set<Path>> wanted = new HashMap<>();
        for (Path path : paths) {
            Path below = path;
            Path dir = path.getParent();
            while (dir != null && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                below = dir;
                dir = dir.getParent();
            }
            if (dir != null) {
                wanted.computeIfAbsent(dir, d -> new HashSet<>()).add(below.getFileName());
            }
        }
        for (Map.Entry<Path, WatchKey> entry : List.copyOf(keys.entrySet())) {
            if (!wanted.containsKey(entry.getKey()) || !entry.getValue().isValid()) {
                entry.getValue().cancel();
                keys.remove(entry.getKey());
                namesByKey.remove(entry.getValue());
            }
        }
        for (Map.Entry<Path, Set<Path>> entry : wanted.entrySet()) {
            try {
                // Registering a directory again returns its existing key.
                WatchKey key = entry.getKey().register(service, KINDS);
                keys.put(entry.getKey(), key);
                namesByKey.put(key, Set.copyOf(entry.getValue()));
            } catch (IOException | ClosedWatchServiceException e) {
                // Gone between the check and the call: its parent's watch reports the next change.
                LOG.debug("cannot watch {}: {}", entry.getKey(), e.toString());
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                WatchKey key = service.take();
                boolean relevant = concernsWatchedPath(key, key.pollEvents());
                boolean stillValid = key.reset();
                if (relevant || !stillValid) {
                    synchronized (this) {
                        register();
                    }
                    changed.run();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("device node watcher: {}", e.toString(), e);
                pause();
            }
        }
    }

    private synchronized boolean concernsWatchedPath(WatchKey key, List<WatchEvent<?>> events) {
        Set<Path> names = namesByKey.getOrDefault(key, Set.of());
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || names.contains(event.context())) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(ERROR_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing watch service: {}", e.toString());
        }
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOG.warn("device node watcher did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
