package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatchesTest {

    /** Generous: inotify answers in microseconds, but a loaded machine may not schedule the thread for a while. */
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    /** Records what its watcher is told, as "kind name" or "wake-up", and on which thread. */
    private static final class Recorder implements FileWatches.Handler {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        volatile Thread thread;

        @Override
        public void changed(Path directory, List<WatchEvent<?>> events) {
            thread = Thread.currentThread();
            events.forEach(e -> calls.add(e.kind().name() + " " + directory.resolve((Path) e.context())));
        }

        @Override
        public void gone(Path directory) {
            calls.add("gone " + directory);
        }

        @Override
        public void wakeUp() {
            thread = Thread.currentThread();
            calls.add("wake-up");
        }

        String next() throws InterruptedException {
            String call = calls.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(call, "no call within " + WAIT_SECONDS + " s");
            return call;
        }
    }

    @Test
    void twoWatchersOnTwoDirectoriesEachGetTheirOwnEventsOnTheOneThread() throws Exception {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        try (FileWatches watches = FileWatches.start()) {
            watches.add(one).watch(first, StandardWatchEventKinds.ENTRY_CREATE);
            watches.add(two).watch(second, StandardWatchEventKinds.ENTRY_CREATE);

            Files.createFile(first.resolve("a"));
            Files.createFile(second.resolve("b"));

            assertEquals("ENTRY_CREATE " + first.resolve("a"), one.next());
            assertEquals("ENTRY_CREATE " + second.resolve("b"), two.next());
            assertEquals(one.thread, two.thread);
            assertEquals("file-watches", one.thread.getName());
            assertTrue(one.calls.isEmpty() && two.calls.isEmpty(), "nobody sees the other's directory");
        }
    }

    @Test
    void watchersOfOneDirectoryOnlySeeTheKindsTheyAskedFor() throws Exception {
        Path file = Files.createFile(dir.resolve("node"));
        Recorder nodes = new Recorder();
        Recorder contents = new Recorder();
        try (FileWatches watches = FileWatches.start()) {
            watches.add(nodes).watch(dir, StandardWatchEventKinds.ENTRY_DELETE);
            watches.add(contents).watch(dir, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);

            Files.writeString(file, "written");
            assertEquals("ENTRY_MODIFY " + file, contents.next());
            Files.delete(file);

            assertEquals("ENTRY_DELETE " + file, nodes.next(), "a write is no news to who asked for deletes only");
            String next;
            do {
                next = contents.next(); // a write may come as more than one modification
            } while (next.startsWith("ENTRY_MODIFY"));
            assertEquals("ENTRY_DELETE " + file, next);
        }
    }

    @Test
    void aRemovedDirectoryIsReportedGone() throws Exception {
        Path watched = Files.createDirectory(dir.resolve("watched"));
        Recorder recorder = new Recorder();
        try (FileWatches watches = FileWatches.start()) {
            watches.add(recorder).watch(watched, StandardWatchEventKinds.ENTRY_CREATE);
            Files.delete(watched);
            assertEquals("gone " + watched, recorder.next());
        }
    }

    @Test
    void aWakeUpAskedForFromAnotherThreadComesOnTheWatchThread() throws Exception {
        Recorder recorder = new Recorder();
        try (FileWatches watches = FileWatches.start()) {
            FileWatches.Watcher watcher = watches.add(recorder);
            watcher.watch(dir, StandardWatchEventKinds.ENTRY_CREATE); // the thread now waits without a timeout
            watcher.wakeUpAfter(Duration.ofMillis(10));

            assertEquals("wake-up", recorder.next());
            assertEquals("file-watches", recorder.thread.getName());
        }
    }

    @Test
    void aClosedWatcherHearsNothingMoreWhileTheOthersDo() throws Exception {
        Recorder closed = new Recorder();
        Recorder open = new Recorder();
        try (FileWatches watches = FileWatches.start()) {
            FileWatches.Watcher gone = watches.add(closed);
            gone.watch(dir, StandardWatchEventKinds.ENTRY_CREATE);
            watches.add(open).watch(dir, StandardWatchEventKinds.ENTRY_CREATE);
            gone.close();

            Files.createFile(dir.resolve("after"));
            assertEquals("ENTRY_CREATE " + dir.resolve("after"), open.next());
            assertTrue(closed.calls.isEmpty(), closed.calls::toString);
        }
    }

    @Test
    void oneWatcherLeavingASharedDirectoryLeavesTheOthersWatchInPlace() throws Exception {
        Recorder leaving = new Recorder();
        Recorder staying = new Recorder();
        try (FileWatches watches = FileWatches.start()) {
            FileWatches.Watcher left = watches.add(leaving);
            left.watch(dir, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            watches.add(staying).watch(dir, StandardWatchEventKinds.ENTRY_CREATE);
            left.unwatch(dir);

            Files.createFile(dir.resolve("new"));
            assertEquals("ENTRY_CREATE " + dir.resolve("new"), staying.next());
            assertTrue(leaving.calls.isEmpty(), leaving.calls::toString);
        }
    }

    @Test
    void closingStopsTheThread() throws Exception {
        FileWatches watches = FileWatches.start();
        watches.add(new Recorder()).watch(dir, StandardWatchEventKinds.ENTRY_CREATE);
        assertTrue(watches.running());

        watches.close();

        assertFalse(watches.running(), "close() returns once the thread has ended");
    }
}
