package org.wwan4j.agent.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc functions the Linux side needs (netlink sockets, the service manager's datagram socket, EVE's
 * packet sockets and interface names), bound through FFM with errno captured at the call, because any later JVM
 * work may overwrite errno before Java could read it.
 */
@SuppressWarnings("restricted") // binding libc is this class's whole purpose; callers need --enable-native-access
final class Libc {

    static final int AF_UNIX = 1;
    static final int AF_NETLINK = 16;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_SEQPACKET = 5;
    static final int SOCK_CLOEXEC = 02000000;
    static final int POLLIN = 0x1;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int SHUT_RDWR = 2;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EFD_CLOEXEC = 02000000;
    static final int EFD_NONBLOCK = 04000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    private static final ValueLayout PTR = ValueLayout.ADDRESS;

    private static final MethodHandle SOCKET = withErrno("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle BIND = withErrno("bind", FunctionDescriptor.of(INT, INT, PTR, INT));
    private static final MethodHandle LISTEN = withErrno("listen", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle ACCEPT4 = withErrno("accept4", FunctionDescriptor.of(INT, INT, PTR, PTR, INT));
    private static final MethodHandle CONNECT = withErrno("connect", FunctionDescriptor.of(INT, INT, PTR, INT));
    private static final MethodHandle SHUTDOWN = withErrno("shutdown", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle SEND = withErrno("send", FunctionDescriptor.of(SIZE_T, INT, PTR, SIZE_T, INT));
    private static final MethodHandle SENDTO = withErrno("sendto",
            FunctionDescriptor.of(SIZE_T, INT, PTR, SIZE_T, INT, PTR, INT));
    private static final MethodHandle RECV = withErrno("recv", FunctionDescriptor.of(SIZE_T, INT, PTR, SIZE_T, INT));
    private static final MethodHandle POLL = withErrno("poll", FunctionDescriptor.of(INT, PTR, SIZE_T, INT));
    private static final MethodHandle CLOSE = withErrno("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle EVENTFD = withErrno("eventfd", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle EVENTFD_WRITE = withErrno("eventfd_write", FunctionDescriptor.of(INT, INT, SIZE_T));
    private static final MethodHandle IF_NAMETOINDEX = withErrno("if_nametoindex", FunctionDescriptor.of(INT, PTR));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(find("strerror"), FunctionDescriptor.of(PTR, INT));

    private Libc() {
    }

    /** Result of a call: its return value and the errno it left (meaningful only when the call failed). */
    record Result(long value, int errno) {
        boolean failed() {
            return value < 0;
        }

        /** A call a signal cut short: the caller repeats it. */
        boolean interrupted() {
            return failed() && errno == EINTR;
        }

        /** The value, or an IOException saying {@code what} failed and strerror's reason. */
        long orThrow(String what) throws IOException {
            if (failed()) {
                throw new IOException(what + ": " + strerror(errno));
            }
            return value;
        }
    }

    static Result socket(int domain, int type, int protocol) {
        return call(SOCKET, domain, type, protocol);
    }

    static Result bind(int fd, MemorySegment address) {
        return call(BIND, fd, address, (int) address.byteSize());
    }

    static Result listen(int fd, int backlog) {
        return call(LISTEN, fd, backlog);
    }

    /** accept4() without the peer's address; {@code flags} such as {@link #SOCK_CLOEXEC} apply to the new socket. */
    static Result accept(int fd, int flags) {
        return call(ACCEPT4, fd, MemorySegment.NULL, MemorySegment.NULL, flags);
    }

    static Result connect(int fd, MemorySegment address) {
        return call(CONNECT, fd, address, (int) address.byteSize());
    }

    static Result shutdown(int fd, int how) {
        return call(SHUTDOWN, fd, how);
    }

    static Result send(int fd, MemorySegment buffer, long length, int flags) {
        return call(SEND, fd, buffer, length, flags);
    }

    /** sendto() without blocking or SIGPIPE: one datagram to {@code address} (a socket address structure). */
    static Result sendTo(int fd, MemorySegment buffer, long length, MemorySegment address) {
        return call(SENDTO, fd, buffer, length, MSG_DONTWAIT | MSG_NOSIGNAL, address, (int) address.byteSize());
    }

    static Result recv(int fd, MemorySegment buffer, int flags) {
        return call(RECV, fd, buffer, buffer.byteSize(), flags);
    }

    /** poll() on one descriptor: 1 readable, 0 timed out, -1 error. */
    static Result pollIn(int fd, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8, 4); // struct pollfd { int fd; short events; short revents; }
            pollfd.set(INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, (short) POLLIN);
            return call(POLL, pollfd, 1L, timeoutMillis);
        }
    }

    /**
     * poll() on two descriptors: {@code fd} and {@code wakeFd} (an eventfd another thread writes to end the wait).
     * Returns -1 on error, 0 on timeout, else a bit mask: 1 when {@code fd} is readable, 2 when {@code wakeFd} is.
     */
    static Result pollIn(int fd, int wakeFd, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfds = arena.allocate(16, 4); // two struct pollfd { int fd; short events; short revents; }
            pollfds.set(INT, 0, fd);
            pollfds.set(ValueLayout.JAVA_SHORT, 4, (short) POLLIN);
            pollfds.set(INT, 8, wakeFd);
            pollfds.set(ValueLayout.JAVA_SHORT, 12, (short) POLLIN);
            Result ready = call(POLL, pollfds, 2L, timeoutMillis);
            if (ready.failed() || ready.value() == 0) {
                return ready;
            }
            int mask = (pollfds.get(ValueLayout.JAVA_SHORT, 6) != 0 ? 1 : 0)
                    | (pollfds.get(ValueLayout.JAVA_SHORT, 14) != 0 ? 2 : 0);
            return new Result(mask, 0);
        }
    }

    /** A non-blocking eventfd, for waking a thread blocked in {@link #pollIn(int, int, int)}. */
    static Result eventfd() {
        return call(EVENTFD, 0, EFD_NONBLOCK | EFD_CLOEXEC);
    }

    static Result eventfdWrite(int fd) {
        return call(EVENTFD_WRITE, fd, 1L);
    }

    static Result close(int fd) {
        return call(CLOSE, fd);
    }

    /** The interface's index, or 0 (with errno) when there is no such interface. */
    static Result ifNameToIndex(String name) {
        try (Arena arena = Arena.ofConfined()) {
            return call(IF_NAMETOINDEX, arena.allocateFrom(name));
        }
    }

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static Result call(MethodHandle handle, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            Object[] full = new Object[args.length + 1];
            full[0] = state;
            System.arraycopy(args, 0, full, 1, args.length);
            Object value = handle.invokeWithArguments(full);
            long result = value instanceof Integer i ? i : (Long) value;
            return new Result(result, (int) ERRNO.get(state, 0L));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libc call failed", t);
        }
    }

    private static MethodHandle withErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(find(name), descriptor, CAPTURE_ERRNO);
    }

    /** JDK 22-safe find-or-throw (SymbolLookup.findOrThrow is JDK 23+). */
    private static MemorySegment find(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }
}
