package org.wwan4j.agent.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * A raw AF_NETLINK socket (rtnetlink or kernel uevents), with every receive bounded by a timeout: poll() first,
 * then a non-blocking recv(). Not thread-safe; its owner serialises use, except {@link #wakeUp()}, which any
 * thread may call to end a receive that waits. Each socket owns its arena and buffers.
 */
final class NetlinkSocket implements AutoCloseable {

    static final int NETLINK_ROUTE = 0;
    static final int NETLINK_KOBJECT_UEVENT = 15;
    /** Datagrams bigger than this are truncated by the kernel; rtnetlink dumps and uevents stay well below. */
    static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
    /** Requests are small (one link, address or route); the builder never makes more. */
    static final int SEND_BUFFER_BYTES = 4096;
    /** sizeof(struct sockaddr_nl): family u16, pad u16, pid u32, groups u32. */
    private static final int SOCKADDR_NL_BYTES = 12;

    private final Arena arena;
    private final int fd;
    /** An eventfd polled beside the socket: written by wakeUp() so a long wait can end at once (close). */
    private final int wakeFd;
    private final MemorySegment receiveBuffer;
    private final MemorySegment sendBuffer;
    private final Object lifecycle = new Object();
    private volatile boolean closed;

    private NetlinkSocket(Arena arena, int fd, int wakeFd) {
        this.arena = arena;
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.receiveBuffer = arena.allocate(RECEIVE_BUFFER_BYTES);
        this.sendBuffer = arena.allocate(SEND_BUFFER_BYTES);
    }

    /**
     * Opens and binds a socket; the kernel picks the port id.
     *
     * @param groups multicast group mask to join (0 for request/response use)
     */
    static NetlinkSocket open(int protocol, int groups) throws IOException {
        Libc.Result socket = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, protocol);
        if (socket.failed()) {
            throw new IOException("netlink socket (protocol " + protocol + "): " + Libc.strerror(socket.errno()));
        }
        int fd = (int) socket.value();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment address = arena.allocate(SOCKADDR_NL_BYTES, 4);
            address.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
            address.set(ValueLayout.JAVA_INT, 8, groups);
            Libc.Result bound = Libc.bind(fd, address);
            if (bound.failed()) {
                throw new IOException("netlink bind (protocol " + protocol + ", groups " + groups + "): "
                        + Libc.strerror(bound.errno()));
            }
            Libc.Result wake = Libc.eventfd();
            if (wake.failed()) {
                throw new IOException("eventfd: " + Libc.strerror(wake.errno()));
            }
            return new NetlinkSocket(arena, fd, (int) wake.value());
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    /** Sends one datagram to the kernel. */
    void send(byte[] message) throws IOException {
        ensureOpen();
        if (message.length > sendBuffer.byteSize()) {
            throw new IOException("netlink message too large: " + message.length + " bytes");
        }
        MemorySegment.copy(message, 0, sendBuffer, ValueLayout.JAVA_BYTE, 0, message.length);
        Libc.Result sent = Libc.send(fd, sendBuffer, message.length, 0);
        if (sent.failed()) {
            throw new IOException("netlink send: " + Libc.strerror(sent.errno()));
        }
    }

    /** The next datagram, or null if none arrived within the timeout or {@link #wakeUp()} was called. */
    byte[] receive(Duration timeout) throws IOException {
        ensureOpen();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis()));
        Libc.Result ready = Libc.pollIn(fd, wakeFd, millis);
        if (ready.failed()) {
            if (ready.errno() == Libc.EINTR) {
                return null;
            }
            throw new IOException("netlink poll: " + Libc.strerror(ready.errno()));
        }
        if ((ready.value() & 1) == 0) {
            return null; // timed out, or woken (the eventfd stays readable: every later wait returns at once too)
        }
        Libc.Result received = Libc.recv(fd, receiveBuffer, Libc.MSG_DONTWAIT);
        if (received.failed()) {
            if (received.errno() == Libc.EAGAIN || received.errno() == Libc.EINTR) {
                return null;
            }
            // ENOBUFS: the kernel dropped messages for us (uevent storm); the caller decides how to resync.
            throw new IOException("netlink receive: " + Libc.strerror(received.errno()));
        }
        return receiveBuffer.asSlice(0, received.value()).toArray(ValueLayout.JAVA_BYTE);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("netlink socket is closed");
        }
    }

    /**
     * Ends the current and every later {@link #receive} wait at once (they return null); for closing the owner
     * promptly without waking it periodically. Safe from any thread, a no-op once closed.
     */
    void wakeUp() {
        synchronized (lifecycle) {
            if (!closed) {
                Libc.eventfdWrite(wakeFd);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!closed) {
                closed = true;
                Libc.close(fd);
                Libc.close(wakeFd);
                arena.close();
            }
        }
    }
}
