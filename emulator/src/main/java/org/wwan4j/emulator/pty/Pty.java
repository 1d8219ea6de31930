package org.wwan4j.emulator.pty;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * One pseudo-terminal pair: the emulator holds the master, clients open the slave path. The slave is put in raw mode
 * through the master (on Linux a termios change on the master applies to its slave), so nothing the client writes is
 * echoed or translated. Closing the master makes the slave node disappear, which is how an unplug looks.
 */
public final class Pty implements AutoCloseable {

    /**
     * What one poll of the master saw. NO_CLIENT wins over READABLE: bytes still queued from a client that has gone
     * are stale (nobody is there to read the answers), and answering them would feed the next client old frames.
     */
    public enum Readiness { READABLE, NO_CLIENT, NO_CLIENT_STALE_INPUT, IDLE }

    private final int masterFd;
    private final Path slavePath;
    private volatile boolean closed;

    private Pty(int masterFd, Path slavePath) {
        this.masterFd = masterFd;
        this.slavePath = slavePath;
    }

    public static Pty open() {
        LibC.Result opened = LibC.check(LibC.posixOpenpt(LibC.O_RDWR | LibC.O_NOCTTY), "posix_openpt");
        int fd = (int) opened.value();
        try {
            LibC.check(LibC.grantpt(fd), "grantpt");
            LibC.check(LibC.unlockpt(fd), "unlockpt");
            String name = LibC.ptsname(fd);
            LibC.makeRaw(fd);
            LibC.setNonBlocking(fd);
            return new Pty(fd, Path.of(name));
        } catch (RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
    }

    /** The slave path clients open, e.g. {@code /dev/pts/7}. */
    public Path path() {
        return slavePath;
    }

    /**
     * Waits up to {@code timeoutMillis} for client bytes. Linux reports POLLHUP on the master while no process has the
     * slave open (before the first open and after the last close).
     */
    public Readiness awaitInput(int timeoutMillis) {
        int revents = LibC.poll(masterFd, LibC.POLLIN, timeoutMillis);
        if (revents <= 0) {
            return Readiness.IDLE;
        }
        if ((revents & (LibC.POLLHUP | LibC.POLLERR)) != 0) {
            return (revents & LibC.POLLIN) != 0 ? Readiness.NO_CLIENT_STALE_INPUT : Readiness.NO_CLIENT;
        }
        return (revents & LibC.POLLIN) != 0 ? Readiness.READABLE : Readiness.IDLE;
    }

    /** Reads what is there; returns 0 when nothing is, -1 when no client holds the slave open (EIO). */
    public int read(byte[] into) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(into.length);
            LibC.Result result = LibC.read(masterFd, buffer, into.length);
            if (result.failed()) {
                if (result.errno() == LibC.EAGAIN || result.errno() == LibC.EINTR) {
                    return 0;
                }
                if (result.errno() == LibC.EIO) {
                    return -1;
                }
                throw new IOException("read from pty master failed: errno " + result.errno());
            }
            MemorySegment.copy(buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, into, 0, (int) result.value());
            return (int) result.value();
        }
    }

    /**
     * Writes all bytes, waiting for room at most {@code stallLimitMillis} in total, so a client that stopped reading
     * cannot block the emulator forever, and giving up at once when the client has closed the slave. Returns false
     * when the bytes could not all be written.
     */
    public boolean write(byte[] data, int offset, int length, int stallLimitMillis) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, length));
            MemorySegment.copy(data, offset, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, length);
            long written = 0;
            long deadline = System.nanoTime() + stallLimitMillis * 1_000_000L;
            while (written < length) {
                LibC.Result result = LibC.write(masterFd, buffer.asSlice(written), length - written);
                if (!result.failed()) {
                    written += result.value();
                    continue;
                }
                if (result.errno() == LibC.EINTR) {
                    continue;
                }
                if (result.errno() != LibC.EAGAIN) {
                    throw new IOException("write to pty master failed: errno " + result.errno());
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                int revents = LibC.poll(masterFd, LibC.POLLOUT, (int) Math.min(left, Integer.MAX_VALUE));
                if (revents > 0 && (revents & (LibC.POLLHUP | LibC.POLLERR)) != 0) {
                    // The client has gone: nobody will make room, and waiting (or spinning: poll reports the hang-up
                    // at once) would only hold the write lock while the close waits to flush.
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Throws away everything queued in both directions: what the last client left half-written (the master's input)
     * and what it left unread. The latter sits in the slave's input queue, which survives the slave being closed and
     * which a flush on the master does not reach, so the slave is opened for a moment and flushed too.
     */
    public void flush() {
        LibC.tcflush(masterFd, LibC.TCIOFLUSH);
        LibC.Result slave = LibC.open(slavePath.toString(), LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK);
        if (!slave.failed()) {
            LibC.tcflush((int) slave.value(), LibC.TCIOFLUSH);
            LibC.close((int) slave.value());
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.close(masterFd);
        }
    }
}
