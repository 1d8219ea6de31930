package org.wwan4j.mbim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.wwan4j.glib.DurableFile;

/**
 * The MBIM session one device keeps across process restarts, as a small file in the state dir written through
 * {@link DurableFile} (fixed temporary {@code .NAME.tmp}, fsync of the file, rename, fsync of the directory), so a
 * reservation once written survives a kill -9 or a power cut.
 *
 * <p>MBIM sessions survive the host going away, so a restarted process skips OPEN (libmbim's "in session" mode, as
 * {@code mbimcli --no-open=TRID} does) and never sends CLOSE on exit: the modem, and a connected bearer, never
 * notice. What must not repeat is a transaction id: a late answer to the dead process could otherwise complete a
 * new request. So the file holds a reservation, not the last id used: the process may use ids below
 * {@code reservedUntil}, and moves the reservation forward ({@link #BLOCK} at a time) before it gets there.
 * After a kill -9 the next process starts at the reservation, past every id the dead one could have sent.
 */
final class MbimSessionStore {

    /** Transaction ids reserved per file write: one small write per this many requests. */
    static final long BLOCK = 1024;

    private final Path file;
    private long reservedUntil;

    private MbimSessionStore(Path file) {
        this.file = file;
    }

    /** The store of the device at {@code devicePath}: one file per device, named after its path. */
    static MbimSessionStore forDevice(Path stateDir, Path devicePath) {
        String name = devicePath.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return new MbimSessionStore(stateDir.resolve("mbim-session" + name + ".properties"));
    }

    Path file() {
        return file;
    }

    /** The first transaction id a resumed session may use, if a session was kept. */
    OptionalLong load() {
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("reservedUntil=")) {
                    long value = Long.parseLong(line.substring("reservedUntil=".length()).trim());
                    if (value > 0 && value < 0xFFFF_FFFFL) {
                        return OptionalLong.of(value);
                    }
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // a damaged file only costs a fresh OPEN
        }
    }

    /** Makes sure ids up to {@code transactionId} are reserved on disk; cheap when they already are. */
    void reserveBeyond(long transactionId) {
        if (transactionId + BLOCK / 4 < reservedUntil) {
            return;
        }
        long next = transactionId + BLOCK;
        if (next >= 0xFFFF_FFFFL) {
            next = BLOCK; // libmbim wraps its ids too
        }
        write("reservedUntil=" + next + "\n");
        reservedUntil = next;
    }

    /** Forgets the session: the next process sends OPEN. */
    void clear() {
        try {
            DurableFile.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        reservedUntil = 0;
    }

    private void write(String content) {
        try {
            // rw-r--r--: the mode the file had under the usual umask before it was written through DurableFile.
            DurableFile.write(file, "# wwan4j MBIM session: transaction ids below this are taken\n" + content,
                    DurableFile.WORLD_READABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
