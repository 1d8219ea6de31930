package org.wwan4j.agent.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Unix-domain {@code SOCK_SEQPACKET} socket, through {@link Libc} because the JDK's Unix-domain channels are stream
 * sockets only. EVE's pubsub ({@code net.Listen("unixpacket", ...)}) needs packets: every protocol message is one
 * packet, read whole by one {@code recv()}, with no framing of its own.
 *
 * <p>One thread uses a socket; {@link #shutdown()} is the only call meant for another thread: it wakes the user out
 * of a blocked accept, receive or send (Linux fails them), which then closes the socket. Shutdown and close exclude
 * each other, so a late shutdown never reaches a descriptor number already reused.
 */
public final class SeqPacketSocket implements AutoCloseable {

    /** struct sockaddr_un: a 2-byte family, then sun_path[108] holding a NUL-terminated path. */
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_SIZE = 108;

    private final int fd;
    private boolean closed;

    private SeqPacketSocket(int fd) {
        this.fd = fd;
    }

    /** A socket listening at {@code path}, which must not exist. */
    public static SeqPacketSocket listen(Path path, int backlog) throws IOException {
        SeqPacketSocket socket = open();
        try (Arena arena = Arena.ofConfined()) {
            Libc.bind(socket.fd, address(arena, path)).orThrow("bind " + path);
            Libc.listen(socket.fd, backlog).orThrow("listen " + path);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A socket connected to the one listening at {@code path}. */
    public static SeqPacketSocket connect(Path path) throws IOException {
        SeqPacketSocket socket = open();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = address(arena, path);
            untilNotInterrupted(() -> Libc.connect(socket.fd, address)).orThrow("connect " + path);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Waits for the next connection; fails once {@link #shutdown()} was called. */
    public SeqPacketSocket accept() throws IOException {
        return new SeqPacketSocket((int) untilNotInterrupted(() -> Libc.accept(fd, Libc.SOCK_CLOEXEC))
                .orThrow("accept"));
    }

    /** Sends one packet; without SIGPIPE when the peer is gone (that is an IOException here). */
    public void send(byte[] message) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, message.length));
            MemorySegment.copy(message, 0, buffer, ValueLayout.JAVA_BYTE, 0, message.length);
            untilNotInterrupted(() -> Libc.send(fd, buffer, message.length, Libc.MSG_NOSIGNAL)).orThrow("send");
        }
    }

    /**
     * Receives one packet of at most {@code maxLength} bytes; null when the peer closed the connection (or this
     * side was shut down). A longer packet is an error: the kernel would have cut it.
     */
    public byte[] receive(int maxLength) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(maxLength + 1L); // one byte more shows a packet that was too long
            long length = untilNotInterrupted(() -> Libc.recv(fd, buffer, 0)).orThrow("recv");
            if (length == 0) {
                return null;
            }
            if (length > maxLength) {
                throw new IOException("packet longer than " + maxLength + " bytes");
            }
            return buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** Waits up to {@code timeout} until a packet (or the end of the connection) can be received. */
    public boolean awaitReadable(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return untilNotInterrupted(() -> Libc.pollIn(fd, millisUntil(deadline))).orThrow("poll") > 0;
    }

    /** Ends every blocked or later accept, receive and send on this socket; safe from any thread. */
    public synchronized void shutdown() {
        if (!closed) { // once closed, the descriptor number may already belong to another file
            Libc.shutdown(fd, Libc.SHUT_RDWR);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    private static SeqPacketSocket open() throws IOException {
        return new SeqPacketSocket((int) Libc.socket(Libc.AF_UNIX, Libc.SOCK_SEQPACKET | Libc.SOCK_CLOEXEC, 0)
                .orThrow("socket"));
    }

    private static MemorySegment address(Arena arena, Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH_SIZE) {
            throw new IOException("socket path longer than " + (SUN_PATH_SIZE - 1) + " bytes: " + path);
        }
        MemorySegment address = arena.allocate(SUN_PATH_OFFSET + SUN_PATH_SIZE, 2); // zeroed: the path ends in NUL
        address.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_UNIX);
        MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, SUN_PATH_OFFSET, name.length);
        return address;
    }

    /** A signal may cut any of these calls short (EINTR); the socket's contract is to carry on as if it had not. */
    private static Libc.Result untilNotInterrupted(Supplier<Libc.Result> call) {
        Libc.Result result;
        do {
            result = call.get();
        } while (result.interrupted());
        return result;
    }

    private static int millisUntil(long deadlineNanos) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis()));
    }
}
