package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real inotify on a temp dir: a watched path appearing, going, and turning up under a directory made later. */
class DeviceNodeWatcherTest {

    /** Generous: the machine is shared; the watcher itself answers in milliseconds. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();

    private void awaitChange(String after) throws InterruptedException {
        assertNotNull(changes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS), "no change reported after " + after);
        changes.clear();
    }

    @Test
    void reportsANodeAppearingAndGoingAndIgnoresItsNeighbours() throws Exception {
        Path node = dir.resolve("cdc-wdm0");
        try (DeviceNodeWatcher watcher = DeviceNodeWatcher.start(() -> changes.add("changed"))) {
            watcher.watch(List.of(node));
            // A neighbour first, then the node: the first report can only be the node's.
            Files.createFile(dir.resolve("cdc-wdm1"));
            Files.createSymbolicLink(node, dir.resolve("cdc-wdm1"));
            awaitChange("the node was created");
            assertEquals(Set.of(node), watcher.paths());

            Files.delete(node);
            awaitChange("the node was deleted");

            // Replaced by a rename, as udev and the emulator do with links.
            Path temp = dir.resolve("cdc-wdm0.tmp");
            Files.createSymbolicLink(temp, dir.resolve("cdc-wdm1"));
            Files.move(temp, node, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            awaitChange("the node was renamed into place");
        }
    }

    @Test
    void followsAPathWhoseDirectoriesAppearLater() throws Exception {
        Path node = dir.resolve("serial/by-id/usb-modem");
        try (DeviceNodeWatcher watcher = DeviceNodeWatcher.start(() -> changes.add("changed"))) {
            watcher.watch(List.of(node));
            Files.createDirectory(dir.resolve("serial"));
            awaitChange("the first directory appeared");
            Files.createDirectory(dir.resolve("serial/by-id"));
            awaitChange("the second directory appeared");
            Files.createFile(node);
            awaitChange("the node appeared");
            Files.delete(node);
            awaitChange("the node went");
        }
    }
}
