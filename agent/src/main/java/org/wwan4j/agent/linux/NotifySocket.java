package org.wwan4j.agent.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The service manager's notification socket (systemd's {@code $NOTIFY_SOCKET}): a unix datagram socket to which a
 * service sends {@code READY=1}, {@code WATCHDOG=1}, {@code STOPPING=1}. Java's channels speak unix sockets only as
 * streams, so this is the one datagram send through libc. A path starting with {@code @} names an abstract socket.
 *
 * <p>Sends never block: a service manager that does not read its socket must not stall the agent.
 */
public final class NotifySocket implements AutoCloseable {

    /** {@code struct sockaddr_un}: a 2-byte family, then a 108-byte path. */
    private static final int PATH_OFFSET = 2;
    private static final int PATH_CAPACITY = 108;

    private final String address;
    private final Arena arena;
    private final MemorySegment socketAddress;
    private final int fd;
    private boolean closed;

    private NotifySocket(String address, Arena arena, MemorySegment socketAddress, int fd) {
        this.address = address;
        this.arena = arena;
        this.socketAddress = socketAddress;
        this.fd = fd;
    }

    /** A socket that sends to {@code address} (a path, or {@code @name} for an abstract socket). */
    public static NotifySocket open(String address) throws IOException {
        byte[] path = address.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = address.startsWith("@");
        // A path keeps its terminating NUL inside sun_path; an abstract name is exactly its bytes, the '@' a NUL.
        int pathLength = abstractName ? path.length : path.length + 1;
        boolean valid = (abstractName ? path.length >= 2 : address.startsWith("/")) && pathLength <= PATH_CAPACITY;
        if (!valid) {
            throw new IOException("not a unix socket address: '" + address + "'");
        }
        Arena arena = Arena.ofShared();
        MemorySegment socketAddress = arena.allocate(PATH_OFFSET + pathLength); // zeroed: the NULs are there
        socketAddress.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_UNIX);
        MemorySegment.copy(path, abstractName ? 1 : 0, socketAddress, ValueLayout.JAVA_BYTE,
                PATH_OFFSET + (abstractName ? 1 : 0), abstractName ? path.length - 1 : path.length);
        Libc.Result socket = Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        if (socket.failed()) {
            arena.close();
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM): " + Libc.strerror(socket.errno()));
        }
        return new NotifySocket(address, arena, socketAddress, (int) socket.value());
    }

    /** Sends one notification, e.g. {@code "READY=1"}; fails with the kernel's reason (no listener, queue full). */
    public void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (closed) {
                throw new IOException("notify socket " + address + " is closed");
            }
            try (Arena call = Arena.ofConfined()) {
                MemorySegment buffer = call.allocate(Math.max(1, bytes.length));
                MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, 0, bytes.length);
                Libc.Result sent = Libc.sendTo(fd, buffer, bytes.length, socketAddress);
                if (sent.failed()) {
                    throw new IOException("notify socket " + address + ": " + Libc.strerror(sent.errno()));
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
            arena.close();
        }
    }
}
