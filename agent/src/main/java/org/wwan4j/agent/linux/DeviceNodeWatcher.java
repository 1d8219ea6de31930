package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
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
 * coalesced event (OVERFLOW) costs nothing but a re-read. Runs on a {@link FileWatches} thread, shared with the
 * other file watchers of the daemon (or its own, blocked in the kernel between events).
 */
public final class DeviceNodeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceNodeWatcher.class);

    /**
     * Created and deleted (renames count as both), never modified: a write to a device node counts as a
     * modification of it, so every request to the modem would look like a change.
     */
    private static final WatchEvent.Kind<?>[] KINDS = {StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE};

    /** Null when the watches are shared (their owner closes them). */
    private final FileWatches ownWatches;
    private final FileWatches.Watcher watcher;
    private final Runnable changed;
    // Guarded by this: the paths asked for and, per watched directory, the names that matter in it.
    private Set<Path> paths = Set.of();
    private final Map<Path, Set<Path>> namesByDirectory = new HashMap<>();

    private DeviceNodeWatcher(FileWatches watches, FileWatches ownWatches, Runnable changed) {
        this.ownWatches = ownWatches;
        this.changed = changed;
        this.watcher = watches.add(new FileWatches.Handler() {
            @Override
            public void changed(Path directory, List<WatchEvent<?>> events) {
                if (concernsWatchedPath(directory, events)) {
                    reregisterAndTell();
                }
            }

            @Override
            public void gone(Path directory) {
                reregisterAndTell();
            }
        });
    }

    /**
     * Starts watching nothing on a thread of its own; {@link #watch} sets the paths.
     *
     * @param changed called on the watcher's thread when a watched path may have appeared or gone; keep it short
     */
    public static DeviceNodeWatcher start(Runnable changed) throws IOException {
        FileWatches own = FileWatches.start("device-node-watcher");
        return new DeviceNodeWatcher(own, own, changed);
    }

    /** As {@link #start(Runnable)}, on the thread of {@code watches} (which outlive this watcher). */
    public static DeviceNodeWatcher start(FileWatches watches, Runnable changed) {
        return new DeviceNodeWatcher(watches, null, changed);
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
        for (Path dir : List.copyOf(namesByDirectory.keySet())) {
            if (!wanted.containsKey(dir)) {
                watcher.unwatch(dir);
                namesByDirectory.remove(dir);
            }
        }
        for (Map.Entry<Path, Set<Path>> entry : wanted.entrySet()) {
            try {
                // Watching a directory again keeps its watch (or renews one that ended).
                watcher.watch(entry.getKey(), KINDS);
                namesByDirectory.put(entry.getKey(), Set.copyOf(entry.getValue()));
            } catch (IOException | ClosedWatchServiceException e) {
                // Gone between the check and the call: its parent's watch reports the next change.
                namesByDirectory.remove(entry.getKey());
                LOG.debug("cannot watch {}: {}", entry.getKey(), e.toString());
            }
        }
    }

    private void reregisterAndTell() {
        synchronized (this) {
            register();
        }
        changed.run();
    }

    private synchronized boolean concernsWatchedPath(Path directory, List<WatchEvent<?>> events) {
        Set<Path> names = namesByDirectory.getOrDefault(directory, Set.of());
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || names.contains(event.context())) {
                return true;
            }
        }
        return false;
    }

    /** Stops watching; {@code changed} is not called once this returns. */
    @Override
    public void close() {
        watcher.close();
        if (ownWatches != null) {
            ownWatches.close();
        }
    }
}
