package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a file atomically with a given mode, through one fixed temporary name, and failing by name. */
class DurableFileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesOnlyTheTarget() throws IOException {
        Path target = dir.resolve("sub/deeper/status.json");
        DurableFile.write(target, "first", DurableFile.WORLD_READABLE);
        DurableFile.write(target, "second", DurableFile.WORLD_READABLE);
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), entries(target.getParent()));
    }

    @Test
    void givesTheTargetTheRequestedMode() throws IOException {
        Path shared = dir.resolve("status.json");
        Path secret = dir.resolve("qmi-cids_dev_cdc-wdm0");
        DurableFile.write(shared, "{}", DurableFile.WORLD_READABLE);
        DurableFile.write(secret, "dms=1\n", DurableFile.OWNER_ONLY);
        assertEquals("rw-r--r--", mode(shared));
        assertEquals("rw-------", mode(secret));
        DurableFile.write(secret, "dms=1,2\n", DurableFile.WORLD_READABLE);
        assertEquals("rw-r--r--", mode(secret), "a rewrite sets the mode it is given, not the old one");
    }

    @Test
    void writesBytesAsTheyAre() throws IOException {
        Path target = dir.resolve("blob");
        byte[] content = {0, 1, (byte) 0xff, '\n'};
        DurableFile.write(target, content, DurableFile.OWNER_ONLY);
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void aTemporaryFileLeftByACrashIsOverwrittenNotMultiplied() throws IOException {
        Path target = dir.resolve("status.json");
        Path leftover = DurableFile.temporaryFileOf(target);
        assertEquals(dir.resolve(".status.json" + DurableFile.TEMP_SUFFIX), leftover);
        Files.writeString(leftover, "{\"half of a much longer file than the next one\": ");
        Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-rw-rw-"));

        DurableFile.write(target, "{}", DurableFile.OWNER_ONLY);

        assertEquals("{}", Files.readString(target), "the leftover was truncated, not written into");
        assertEquals("rw-------", mode(target), "the leftover's mode is not inherited");
        assertEquals(List.of(target), entries(dir), "the leftover was reused and renamed away");
    }

    @Test
    void aFailedRenameKeepsTheTargetRemovesTheTemporaryFileAndNamesTheTarget() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");

        IOException failure = assertThrows(IOException.class,
                () -> DurableFile.write(target, "new", DurableFile.OWNER_ONLY));

        assertTrue(failure.getMessage().startsWith("cannot write " + target + ": renaming"), failure.getMessage());
        assertEquals(List.of(target), entries(dir), "temporary file left behind");
        assertEquals("keep", Files.readString(target.resolve("inside")));
    }

    @Test
    void aReadOnlyDirectoryFailsNamingTheTarget() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Path target = readOnly.resolve("qmi-cids_dev_cdc-wdm0");
        Files.writeString(target, "dms=1\n");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "the directory stays writable for root: skipped");
            IOException failure = assertThrows(IOException.class,
                    () -> DurableFile.write(target, "dms=1,2\n", DurableFile.OWNER_ONLY));
            assertTrue(failure.getMessage().startsWith("cannot write " + target + ": "), failure.getMessage());
            assertEquals("dms=1\n", Files.readString(target));
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aParentThatIsNoDirectoryFailsNamingTheTarget() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("state"), "a file where the state dir should be");
        Path target = notADirectory.resolve("mbim-session.properties");
        IOException failure = assertThrows(IOException.class,
                () -> DurableFile.write(target, "reservedUntil=1024\n", DurableFile.OWNER_ONLY));
        assertTrue(failure.getMessage().startsWith("cannot write " + target + ": creating its directory"),
                failure.getMessage());
    }

    @Test
    void deleteRemovesTheTargetAndALeftoverAndIsIdempotent() throws IOException {
        Path target = dir.resolve("wwan0.dhcp");
        DurableFile.write(target, "nameserver 192.0.2.53\n", DurableFile.WORLD_READABLE);
        Files.writeString(DurableFile.temporaryFileOf(target), "nameserver 19");
        assertTrue(DurableFile.delete(target));
        assertEquals(List.of(), entries(dir));
        assertFalse(DurableFile.delete(target));
    }

    @Test
    void concurrentWritersOfOneTargetTakeTurnsOnTheTemporaryFile() throws Exception {
        Path target = dir.resolve("status.json");
        int writers = 4;
        int rounds = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<String> contents = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String line = ("writer " + w + " ").repeat(500) + "\n";
                contents.add(line);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        DurableFile.write(target, line, DurableFile.WORLD_READABLE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(); // a collision on the temporary file fails a rename or tears the content
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(contents.contains(Files.readString(target)), "one writer's whole content");
        assertEquals(List.of(target), entries(dir));
    }

    /** What a directory holds besides the lock files writers take turns on (they stay, by design). */
    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(DurableFile.LOCK_SUFFIX)).sorted().toList();
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

}
