package org.wwan4j.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesReplacesAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("sub/status.json");
        AtomicFileWriter.write(target, "first");
        AtomicFileWriter.write(target, "second");
        assertEquals("second", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void keepsTheRequestedPermissions() throws IOException {
        Path target = dir.resolve("secret");
        AtomicFileWriter.write(target, "x".getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-------"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFailedRenameRemovesTheTemporaryFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");
        assertThrows(IOException.class, () -> AtomicFileWriter.write(target, "new"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary file left behind");
        }
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void aTemporaryFileLeftByACrashIsReusedNotMultiplied() throws IOException {
        Path target = dir.resolve("status.json");
        Path leftover = dir.resolve(".status.json" + AtomicFileWriter.TEMP_SUFFIX);
        Files.writeString(leftover, "{\"half\": ");
        Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-rw-rw-"));
        AtomicFileWriter.write(target, "{}");
        assertEquals("{}", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the leftover was reused and renamed away");
        }
    }

    @Test
    void deleteIsIdempotent() throws IOException {
        Path target = dir.resolve("wwan0.dhcp");
        AtomicFileWriter.write(target, "nameserver 192.0.2.53\n");
        assertTrue(AtomicFileWriter.delete(target));
        assertFalse(AtomicFileWriter.delete(target));
    }
}
