package org.wwan4j.agent.eve;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Unix-domain {@code SOCK_SEQPACKET} socket, bound through FFM because the JDK's Unix-domain channels are stream
 * sockets only. EVE's pubsub ({@code net.Listen("unixpacket", ...)}) needs packets: every protocol message is one
 * packet, read whole by one {@code recv()}, with no framing of its own.
 *
 * <p>One thread uses a socket; {@link #shutdown()} is the only call meant for another thread: it wakes the user out
 * of a blocked accept, receive or send (Linux fails them), which then closes the socket. Shutdown and close exclude
 * each other, so a late shutdown never reaches a descriptor number already reused.
 */
@SuppressWarnings("restricted") // binding libc is this class's purpose; the agent runs with --enable-native-access
final class SeqPacketSocket implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SHUT_RDWR = 2;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final short POLLIN = 0x1;
    private static final int EINTR = 4;
    /** struct sockaddr_un: a 2-byte family, then sun_path[108] holding a NUL-terminated path. */
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_SIZE = 108;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    private static final ValueLayout PTR = ValueLayout.ADDRESS;

    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(INT, INT, PTR, INT));
    private static final MethodHandle LISTEN = bind("listen", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle ACCEPT4 = bind("accept4", FunctionDescriptor.of(INT, INT, PTR, PTR, INT));
    private static final MethodHandle CONNECT = bind("connect", FunctionDescriptor.of(INT, INT, PTR, INT));
    private static final MethodHandle SEND = bind("send", FunctionDescriptor.of(SIZE_T, INT, PTR, SIZE_T, INT));
    private static final MethodHandle RECV = bind("recv", FunctionDescriptor.of(SIZE_T, INT, PTR, SIZE_T, INT));
    private static final MethodHandle POLL = bind("poll", FunctionDescriptor.of(INT, PTR, SIZE_T, INT));
    private static final MethodHandle SHUTDOWN = bind("shutdown", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(), FunctionDescriptor.of(PTR, INT));

    private final int fd;
    private boolean closed;

    private SeqPacketSocket(int fd) {
        this.fd = fd;
    }

    /** A socket listening at {@code path}, which must not exist. */
    static SeqPacketSocket listen(Path path, int backlog) throws IOException {
        SeqPacketSocket socket = open();
        try (Arena arena = Arena.ofConfined()) {
            check(call(BIND, socket.fd, address(arena, path), SUN_PATH_OFFSET + SUN_PATH_SIZE), "bind " + path);
            check(call(LISTEN, socket.fd, backlog), "listen " + path);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A socket connected to the one listening at {@code path}. */
    static SeqPacketSocket connect(Path path) throws IOException {
        SeqPacketSocket socket = open();
        try (Arena arena = Arena.ofConfined()) {
            long[] result;
            do {
                result = call(CONNECT, socket.fd, address(arena, path), SUN_PATH_OFFSET + SUN_PATH_SIZE);
            } while (interrupted(result));
            check(result, "connect " + path);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Waits for the next connection; fails once {@link #shutdown()} was called. */
    SeqPacketSocket accept() throws IOException {
        long[] result;
        do {
            result = call(ACCEPT4, fd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC);
        } while (interrupted(result));
        return new SeqPacketSocket((int) check(result, "accept"));
    }

    /** Sends one packet; without SIGPIPE when the peer is gone (that is an IOException here). */
    void send(byte[] message) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, message.length));
            MemorySegment.copy(message, 0, buffer, ValueLayout.JAVA_BYTE, 0, message.length);
            long[] result;
            do {
                result = call(SEND, fd, buffer, (long) message.length, MSG_NOSIGNAL);
            } while (interrupted(result));
            check(result, "send");
        }
    }

    /**
     * Receives one packet of at most {@code maxLength} bytes; null when the peer closed the connection (or this
     * side was shut down). A longer packet is an error: the kernel would have cut it.
     */
    byte[] receive(int maxLength) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(maxLength + 1L);
            long[] result;
            do {
                result = call(RECV, fd, buffer, maxLength + 1L, 0);
            } while (interrupted(result));
            long length = check(result, "recv");
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
    boolean awaitReadable(Duration timeout) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8, 4); // struct pollfd { int fd; short events; short revents; }
            pollfd.set(INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            long deadline = System.nanoTime() + timeout.toNanos();
            long[] result;
            do {
                int millis = (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                        Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
                result = call(POLL, pollfd, 1L, millis);
            } while (interrupted(result));
            return check(result, "poll") > 0;
        }
    }

    /** Ends every blocked or later accept, receive and send on this socket; safe from any thread. */
    synchronized void shutdown() {
        if (!closed) { // once closed, the descriptor number may already belong to another file
            call(SHUTDOWN, fd, SHUT_RDWR);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            call(CLOSE, fd);
        }
    }

    private static SeqPacketSocket open() throws IOException {
        return new SeqPacketSocket((int) check(call(SOCKET, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0), "socket"));
    }

    private static MemorySegment address(Arena arena, Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH_SIZE) {
            throw new IOException("socket path longer than " + (SUN_PATH_SIZE - 1) + " bytes: " + path);
        }
        MemorySegment address = arena.allocate(SUN_PATH_OFFSET + SUN_PATH_SIZE, 2); // zeroed: the path ends in NUL
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, SUN_PATH_OFFSET, name.length);
        return address;
    }

    private static boolean interrupted(long[] result) {
        return result[0] < 0 && result[1] == EINTR;
    }

    private static long check(long[] result, String what) throws IOException {
        if (result[0] < 0) {
            throw new IOException(what + ": " + strerror((int) result[1]));
        }
        return result[0];
    }

    /** {return value, errno}; errno is captured at the call, before any JVM work could overwrite it. */
    private static long[] call(MethodHandle handle, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            Object[] full = new Object[args.length + 1];
            full[0] = state;
            System.arraycopy(args, 0, full, 1, args.length);
            Object value = handle.invokeWithArguments(full);
            long result = value instanceof Integer i ? i : (Long) value;
            return new long[] {result, (int) ERRNO.get(state, 0L)};
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libc call failed", t);
        }
    }

    private static String strerror(int errno) {
        try {
            return ((MemorySegment) STRERROR.invokeExact(errno)).reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name)
                        .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name)),
                descriptor, Linker.Option.captureCallState("errno"));
    }
}
