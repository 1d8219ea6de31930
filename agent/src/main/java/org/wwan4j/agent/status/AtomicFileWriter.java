package org.wwan4j.agent.status;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that readers see the old content or the new one, never a mix, and a power cut leaves one of
 * the two: write a temporary file in the same directory (rename is atomic only within a file system), fsync it,
 * rename it over the target, then fsync the directory so the rename itself is durable.
 *
 * <p>The temporary file has one fixed name per target ({@code .NAME.tmp}): a process killed between creating it and
 * the rename (kill -9 of the agent) leaves at most that one file, which the next write reuses, instead of a new
 * randomly named leftover per crash. Writes in this process are serialised so two never share it.
 */
public final class AtomicFileWriter {

    /** Status and resolv files are meant to be read by other services. */
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    /** Suffix of the temporary file beside the target. */
    public static final String TEMP_SUFFIX = ".tmp";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Object WRITING = new Object();

    private AtomicFileWriter() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), WORLD_READABLE);
    }

    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + TEMP_SUFFIX);
        synchronized (WRITING) {
            boolean renamed = false;
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    // Owner-only until written: a leftover from a crash may have had any mode.
                    Files.setPosixFilePermissions(temp, OWNER_ONLY);
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.setPosixFilePermissions(temp, permissions);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                renamed = true;
                syncDirectory(dir);
            } finally {
                if (!renamed) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** Deletes the file and makes the deletion durable; absent is fine. */
    public static boolean delete(Path target) throws IOException {
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            syncDirectory(target.toAbsolutePath().getParent());
        }
        return deleted;
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
