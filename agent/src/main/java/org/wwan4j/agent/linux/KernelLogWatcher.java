package org.wwan4j.agent.linux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the kernel log and reports {@link KernelEvent}s on its own daemon thread. Sources:
 * <ul>
 *   <li>{@code /dev/kmsg} (a character device): each read returns one record;</li>
 *   <li>a regular file in the same format, followed like {@code tail -f} (replays, tests);</li>
 *   <li>a pipe: records as a text stream.</li>
 * </ul>
 * The loop never lets an exception out: a failing listener or an I/O error is logged, the source reopened after a
 * pause, and watching goes on until {@link #close()}. The kernel log is how the agent learns that a modem needs
 * recovering; losing the watcher would lose exactly the events that matter.
 */
public final class KernelLogWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KernelLogWatcher.class);

    /** How often a followed file is checked for growth. */
    static final Duration FOLLOW_INTERVAL = Duration.ofMillis(200);
    /** Pause before reopening a source that failed. */
    static final Duration REOPEN_DELAY = Duration.ofSeconds(1);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Larger than any kmsg record (the kernel refuses reads with a smaller buffer, EINVAL). */
    static final int READ_BUFFER_BYTES = 16 * 1024;

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    /** Receives events on the watcher thread; keep it short and never block in it. */
    @FunctionalInterface
    public interface Listener {
        void onKernelEvent(KernelEvent event);
    }

    /** Where to start reading. */
    public enum Start {
        /** Everything the source holds: the kernel ring's history, or a file from its first byte. */
        BEGINNING,
        /** Only what is logged from now on (for /dev/kmsg: records stamped after the watcher started). */
        NOW
    }

    private final Path source;
    private final Start start;
    private final Listener listener;
    private final KernelEventFilter filter = new KernelEventFilter();
    private final AtomicLong records = new AtomicLong();
    private final Thread thread;
    /** Kernel log timestamps and System.nanoTime() both count CLOCK_MONOTONIC on Linux. */
    private final long startedMicros = System.nanoTime() / 1000;
    /** For {@link Start#NOW} on a regular file: its size when start() was called, so "now" means then. */
    private final long initialPosition;
    private volatile FileChannel channel;
    private volatile boolean closed;
    private String lastProblem;

    private KernelLogWatcher(Path source, Start start, Listener listener) {
        this.source = source;
        this.start = start;
        this.listener = listener;
        this.initialPosition = start == Start.NOW ? sizeOrZero(source) : 0;
        this.thread = Thread.ofPlatform().name("kmsg-watcher").daemon().unstarted(this::run);
    }

    public static KernelLogWatcher start(Path source, Start start, Listener listener) {
        KernelLogWatcher watcher = new KernelLogWatcher(source, start, listener);
        watcher.thread.start();
        return watcher;
    }

    /** Records read so far (recognised or not). */
    public long recordsRead() {
        return records.get();
    }

    private void run() {
        boolean firstOpen = true;
        while (!closed) {
            try {
                int type = fileType(source);
                if (type == S_IFCHR) {
                    readDevice();
                } else {
                    readStream(type != S_IFIFO, firstOpen);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                reportProblem(e);
            } finally {
                closeChannel();
            }
            firstOpen = false;
            pause(REOPEN_DELAY);
        }
    }

    /** /dev/kmsg: one record per read; a read fails with EPIPE when records were overwritten before we got them. */
    private void readDevice() throws IOException {
        channel = FileChannel.open(source, StandardOpenOption.READ);
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
        while (!closed) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                if ("Broken pipe".equals(e.getMessage())) {
                    LOG.warn("kernel log overran; some records were lost");
                    continue;
                }
                throw e;
            }
            if (n <= 0) {
                pause(FOLLOW_INTERVAL);
                continue;
            }
            String text = new String(buffer.array(), 0, n, StandardCharsets.UTF_8);
            KmsgRecord.parse(text).ifPresent(record -> {
                if (start == Start.BEGINNING || record.timestampMicros() >= startedMicros) {
                    deliver(record);
                }
            });
        }
    }

    /** A followed file or a pipe: a text stream of header and continuation lines. */
    private void readStream(boolean seekable, boolean firstOpen) throws IOException {
        channel = FileChannel.open(source, StandardOpenOption.READ);
        if (seekable && firstOpen) {
            channel.position(Math.min(initialPosition, channel.size()));
        }
        KmsgLineAssembler assembler = new KmsgLineAssembler(
                text -> KmsgRecord.parse(text).ifPresent(this::deliver));
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
        LineSplitter lines = new LineSplitter(assembler::line);
        while (!closed) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n > 0) {
                lines.accept(buffer.array(), n);
                continue;
            }
            assembler.flush();
            if (seekable && channel.size() < channel.position()) {
                // Truncated (log rotated in place): start over from the top.
                channel.position(0);
                continue;
            }
            pause(FOLLOW_INTERVAL);
        }
    }

    /** Warns once per distinct problem: a missing source would otherwise log every second for ever. */
    private void reportProblem(Exception e) {
        if (closed) {
            return;
        }
        String problem = e.toString();
        if (problem.equals(lastProblem)) {
            LOG.debug("kernel log {}: {}", source, problem);
        } else {
            LOG.warn("kernel log {}: {}; retrying every {}", source, problem, REOPEN_DELAY);
            lastProblem = problem;
        }
    }

    private void deliver(KmsgRecord record) {
        records.incrementAndGet();
        try {
            filter.accept(record).ifPresent(listener::onKernelEvent);
        } catch (RuntimeException e) {
            LOG.warn("kernel event listener failed: {}", e.toString(), e);
        }
    }

    private static long sizeOrZero(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int fileType(Path path) throws IOException {
        Object mode = Files.getAttribute(path, "unix:mode");
        return (Integer) mode & S_IFMT;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    private void closeChannel() {
        FileChannel current = channel;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", source, e.toString());
            }
        }
    }

    /** Stops the thread; a read blocked on the device or a pipe is woken by closing its channel. */
    @Override
    public void close() {
        closed = true;
        closeChannel();
        thread.interrupt();
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOG.warn("kernel log watcher did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits bytes into '\n'-terminated lines, keeping an incomplete last line for the next read. */
    private static final class LineSplitter {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        LineSplitter(Consumer<String> lines) {
            this.lines = lines;
        }

        void accept(byte[] bytes, int length) {
            int from = 0;
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, from, i - from);
                    lines.accept(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                    from = i + 1;
                }
            }
            if (partial.size() + length - from <= KmsgLineAssembler.MAX_RECORD_CHARS) {
                partial.write(bytes, from, length - from);
            }
        }
    }
}
