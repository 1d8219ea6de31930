package org.wwan4j.agent.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service manager's side of a notify socket, for tests: a unix datagram socket bound to a path or an abstract
 * name (a leading {@code @}), receiving one datagram at a time with a bounded wait.
 */
public final class DatagramReceiver implements AutoCloseable {

    private final int fd;

    private DatagramReceiver(int fd) {
        this.fd = fd;
    }

    public static DatagramReceiver bind(Path path) throws IOException {
        return bind(path.toString());
    }

    /** {@code address}: a path, or {@code @name} for an abstract socket. */
    public static DatagramReceiver bind(String address) throws IOException {
        Libc.Result socket = Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        if (socket.failed()) {
            throw new IOException("socket: " + Libc.strerror(socket.errno()));
        }
        int fd = (int) socket.value();
        byte[] name = address.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = address.startsWith("@");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(2 + name.length + (abstractName ? 0 : 1));
            sockaddr.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_UNIX);
            MemorySegment.copy(name, abstractName ? 1 : 0, sockaddr, ValueLayout.JAVA_BYTE, abstractName ? 3 : 2,
                    abstractName ? name.length - 1 : name.length);
            Libc.Result bound = Libc.bind(fd, sockaddr);
            if (bound.failed()) {
                Libc.close(fd);
                throw new IOException("bind " + address + ": " + Libc.strerror(bound.errno()));
            }
        }
        return new DatagramReceiver(fd);
    }

    /** The next datagram as text, or null when none arrives within {@code wait}. */
    public String receive(Duration wait) throws IOException {
        Libc.Result ready = Libc.pollIn(fd, (int) wait.toMillis());
        if (ready.failed()) {
            throw new IOException("poll: " + Libc.strerror(ready.errno()));
        }
        if (ready.value() == 0) {
            return null;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4096);
            Libc.Result received = Libc.recv(fd, buffer, Libc.MSG_DONTWAIT);
            if (received.failed()) {
                throw new IOException("recv: " + Libc.strerror(received.errno()));
            }
            return new String(buffer.asSlice(0, received.value()).toArray(ValueLayout.JAVA_BYTE),
                    StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}
