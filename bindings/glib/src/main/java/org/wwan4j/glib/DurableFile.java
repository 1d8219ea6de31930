package org.wwan4j.glib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Replaces a file so that readers see the old content or the new one, never a mix, and a kill -9 or a power cut
 * leaves one of the two: every file the project keeps (client IDs, MBIM sessions, data-call handles, the status
 * and resolv files) is written through here.
 *
 * <p>The steps, in this order: write a temporary file beside the target (rename is atomic only within one file
 * system), give it the requested mode, fsync it (content and mode reach the disk before the name does), rename it
 * over the target, fsync the directory (the rename itself is then durable). Directories created on the way are
 * fsynced into their parents too, so a fresh state dir does not vanish with the first client IDs in it.
 *
 * <p>The temporary file has one fixed name per target, {@code .NAME.tmp}: a process killed mid-write leaves at most
 * that one file, which the next write simply truncates and reuses, instead of a new randomly named leftover per
 * crash. Writers of the same target take turns so they never share it: in this process on a monitor, across
 * processes (a one-shot command and the agent updating one client-ID store) on an fcntl lock of a third file,
 * {@code .NAME.lock}, which stays beside the target. The lock cannot be the temporary file itself: the rename
 * moves that inode onto the target, and a waiter would then write into the target directly.
 */
public final class DurableFile {

    /** {@code rw-------}: what only the owner may read, such as the QMI client IDs. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** {@code rw-r--r--}: what other users and services read, such as the status and resolv files. */
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    /** Suffix of the temporary file beside the target. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Suffix of the lock file beside the target that writing processes take turns on. */
    public static final String LOCK_SUFFIX = ".lock";

    /**
     * Writers of one target serialise on one of these, chosen by the target's path: bounded however many devices
     * come and go, and two different targets only rarely wait for each other.
     */
    private static final Object[] TARGET_LOCKS = new Object[64];

    static {
        for (int i = 0; i < TARGET_LOCKS.length; i++) {
            TARGET_LOCKS[i] = new Object();
        }
    }

    private DurableFile() {
    }

    /** Writes {@code text} as UTF-8; see {@link #write(Path, byte[], Set)}. */
    public static void write(Path target, String text, Set<PosixFilePermission> permissions) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), permissions);
    }

    /**
     * Replaces {@code target} with {@code content}, atomically and durably, with the given mode; creates missing
     * directories. On failure the target is unchanged and the temporary file removed.
     *
     * @throws IOException naming {@code target} and the step that failed
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        Path temp = temporaryFileOf(absolute);
        String failure = "cannot write " + target;
        synchronized (lockOf(absolute)) {
            step(failure + ": creating its directory", () -> createDirectoriesDurably(dir));
            boolean renamed = false;
            try (FileChannel lock = openLockFile(absolute, failure); FileLock held = lock(lock, failure)) {
                step(failure + ": writing " + temp.getFileName(), () -> writeAndSync(temp, content, permissions));
                step(failure + ": renaming " + temp.getFileName() + " over it",
                        () -> Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING));
                renamed = true;
                step(failure + ": syncing its directory", () -> syncDirectory(dir));
            } catch (IOException e) {
                if (!renamed) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Deletes {@code target} and any temporary file a crash left beside it, and makes the deletion durable; absent
     * is fine.
     *
     * @return whether the target existed
     */
    public static boolean delete(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        synchronized (lockOf(absolute)) {
            try {
                boolean deleted = Files.deleteIfExists(absolute);
                boolean leftover = Files.deleteIfExists(temporaryFileOf(absolute));
                // The lock file goes too: a file that is gone needs no turn-taking, and a writer that still holds
                // the old one's lock finishes on an inode nobody else will lock.
                leftover |= Files.deleteIfExists(lockFileOf(absolute));
                if (deleted || leftover) {
                    syncDirectory(absolute.getParent());
                }
                return deleted;
            } catch (IOException e) {
                throw new IOException("cannot delete " + target + ": " + e, e);
            }
        }
    }

    /** The file writing processes of {@code target} lock in turn: {@code .NAME.lock} in the same directory. */
    public static Path lockFileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + LOCK_SUFFIX);
    }

    private static FileChannel openLockFile(Path target, String failure) throws IOException {
        Path lockFile = lockFileOf(target);
        try {
            return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (IOException e) {
            throw new IOException(failure + ": opening " + lockFile.getFileName() + ": " + e, e);
        }
    }

    /** Waits for other processes writing the same target; released when the write is done (or the process dies). */
    private static FileLock lock(FileChannel lockFile, String failure) throws IOException {
        try {
            return lockFile.lock();
        } catch (IOException e) {
            throw new IOException(failure + ": locking: " + e, e);
        }
    }

    /** The one temporary file writes of {@code target} use: {@code .NAME.tmp} in the same directory. */
    public static Path temporaryFileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    private static Object lockOf(Path absoluteTarget) {
        return TARGET_LOCKS[Math.floorMod(absoluteTarget.hashCode(), TARGET_LOCKS.length)];
    }

    private static void writeAndSync(Path temp, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        // Created owner-only, and a leftover (which may have any mode) made owner-only before anything is written:
        // the content is never readable more widely than asked, not even half-written.
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            Files.setPosixFilePermissions(temp, OWNER_ONLY);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            Files.setPosixFilePermissions(temp, permissions);
            channel.force(true); // data and inode (size, mode) before the rename can reach the disk
        }
    }

    private static void createDirectoriesDurably(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.push(d);
        }
        if (missing.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        for (Path created : missing) { // outermost first: each new name made durable in its parent
            syncDirectory(created.getParent());
        }
    }

    /** Linux makes a directory's entries durable through fsync on the directory opened for reading. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs one step; its failure says what could not be done to which target, whatever file the cause names. */
    private static void step(String failure, Step step) throws IOException {
        try {
            step.run();
        } catch (IOException e) {
            throw new IOException(failure + ": " + e, e);
        }
    }
}
