package org.wwan4j.emulator.pty;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The handful of libc calls a pty master needs, through FFM. Every call that can fail captures errno, so callers get
 * the real reason instead of a bare -1.
 */
final class LibC {

    static final int O_RDWR = 0x2;
    static final int O_NOCTTY = 0x100;
    static final int O_NONBLOCK = 0x800;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final int TCSANOW = 0;
    static final int TCIOFLUSH = 2;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EAGAIN = 11;

    /** glibc's struct termios is 60 bytes on Linux; the buffer is larger so an odd libc cannot overrun it. */
    private static final long TERMIOS_BUFFER_BYTES = 256;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle POSIX_OPENPT = function("posix_openpt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle GRANTPT = function("grantpt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle UNLOCKPT = function("unlockpt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle PTSNAME_R = function("ptsname_r",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle TCGETATTR = function("tcgetattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle TCSETATTR = function("tcsetattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle CFMAKERAW = LINKER.downcallHandle(LINKER.defaultLookup().find("cfmakeraw").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    private static final MethodHandle TCFLUSH = function("tcflush",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle FCNTL = function("fcntl",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle READ = function("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle WRITE = function("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle POLL = function("poll",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    /** open(2) is variadic; called with two arguments only, no mode, so the fixed-argument form is exact. */
    private static final MethodHandle OPEN = function("open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = function("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private LibC() {
    }

    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        MemorySegment address = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(address, descriptor, CAPTURE_ERRNO);
    }

    /** Result of a libc call: the return value and errno as it was right after the call. */
    record Result(long value, int errno) {
        boolean failed() {
            return value < 0;
        }
    }

    private static Result invoke(MethodHandle handle, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            Object[] full = new Object[args.length + 1];
            full[0] = state;
            System.arraycopy(args, 0, full, 1, args.length);
            Object value = handle.invokeWithArguments(full);
            long result = value instanceof Integer i ? i : (Long) value;
            return new Result(result, (int) ERRNO.get(state, 0L));
        } catch (Throwable t) {
            throw new IllegalStateException("libc call failed to link or run", t);
        }
    }

    static Result posixOpenpt(int flags) {
        return invoke(POSIX_OPENPT, flags);
    }

    static Result grantpt(int fd) {
        return invoke(GRANTPT, fd);
    }

    static Result unlockpt(int fd) {
        return invoke(UNLOCKPT, fd);
    }

    static String ptsname(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256);
            Result result = invoke(PTSNAME_R, fd, buffer, 256L);
            if (result.value() != 0) {
                throw new IllegalStateException("ptsname_r failed: errno " + result.value());
            }
            return buffer.getString(0);
        }
    }

    /** Puts the tty in raw mode: no echo, no line editing, no CR/LF translation, 8-bit clean. */
    static void makeRaw(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment termios = arena.allocate(TERMIOS_BUFFER_BYTES);
            check(invoke(TCGETATTR, fd, termios), "tcgetattr");
            CFMAKERAW.invokeExact(termios);
            check(invoke(TCSETATTR, fd, TCSANOW, termios), "tcsetattr");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cfmakeraw failed", t);
        }
    }

    static void setNonBlocking(int fd) {
        Result flags = check(invoke(FCNTL, fd, F_GETFL, 0), "fcntl(F_GETFL)");
        check(invoke(FCNTL, fd, F_SETFL, (int) flags.value() | O_NONBLOCK), "fcntl(F_SETFL)");
    }

    static Result tcflush(int fd, int queue) {
        return invoke(TCFLUSH, fd, queue);
    }

    static Result read(int fd, MemorySegment buffer, long count) {
        return invoke(READ, fd, buffer, count);
    }

    static Result write(int fd, MemorySegment buffer, long count) {
        return invoke(WRITE, fd, buffer, count);
    }

    /** Polls one descriptor; returns the revents bits, 0 on timeout, or -1 on error (EINTR included). */
    static int poll(int fd, short events, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8, 4);
            pollfd.set(ValueLayout.JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, events);
            pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            Result result = invoke(POLL, pollfd, 1L, timeoutMillis);
            if (result.failed()) {
                return -1;
            }
            return result.value() == 0 ? 0 : pollfd.get(ValueLayout.JAVA_SHORT, 6) & 0xffff;
        }
    }

    static Result open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            return invoke(OPEN, arena.allocateFrom(path), flags);
        }
    }

    static Result close(int fd) {
        return invoke(CLOSE, fd);
    }

    static Result check(Result result, String what) {
        if (result.failed()) {
            throw new IllegalStateException(what + " failed: errno " + result.errno());
        }
        return result;
    }
}
