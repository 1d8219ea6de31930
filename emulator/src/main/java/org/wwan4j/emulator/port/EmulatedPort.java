package org.wwan4j.emulator.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.engine.FrameSink;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.fault.ActiveFaults;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.pty.Pty;

/**
 * One emulated control port: a pty, the reader thread feeding the protocol engine, and the {@link FrameSink} that
 * writes the engine's frames back. Transport faults live here so both protocols get them alike: hang, slow, dribble,
 * malformed, dropped indications, unplug/replug.
 *
 * <p>Client tracking matters because libqmi treats a framing error as fatal: when the last client closes the slave
 * (the master sees POLLHUP or EIO), everything still queued in either direction is flushed and the engine drops its
 * partial input, so a client that died mid-frame cannot poison the next one. While no client is there, indications
 * are not written (they would sit in the queue and greet the next client as stale bytes).
 */
public final class EmulatedPort implements FrameSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedPort.class);

    /** How long one poll waits for client bytes before looking at faults and shutdown again. */
    static final int POLL_INTERVAL_MILLIS = 100;
    /** Back-off while nobody has the slave open (poll returns POLLHUP at once, so it would spin without this). */
    static final int NO_CLIENT_BACKOFF_MILLIS = 5;
    /** How late every answer is under the slow fault: long enough to notice, well under libqmi's default timeouts. */
    static final int SLOW_RESPONSE_DELAY_MILLIS = 1_500;
    /** Size of each piece under the dribble fault: smaller than any QMUX or MBIM header. */
    static final int DRIBBLE_CHUNK_BYTES = 3;
    /** Pause between pieces under the dribble fault, so the client really gets separate reads. */
    static final int DRIBBLE_PAUSE_MILLIS = 2;
    /** A client that stops reading may hold a write this long at most; then the frame is dropped. */
    static final int WRITE_STALL_LIMIT_MILLIS = 2_000;
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final ActiveFaults faults;
    private final EmulatorStatistics statistics;
    private final Path link;
    private final Object writeLock = new Object();
    private final List<Consumer<byte[]>> taps = new CopyOnWriteArrayList<>();
    private volatile ProtocolEngine engine;
    private volatile Pty pty;
    private volatile boolean clientPresent;
    private volatile boolean running = true;
    /** A pty being unplugged: the reader thread closes it, because closing an fd another thread polls is unsafe. */
    private Pty retiring;
    private final Thread reader;

    /**
     * Opens the pty and starts serving. {@code engineFactory} gets this port as the sink and returns the engine.
     * {@code link}, if not null, is (re)pointed at the current pty as a symlink.
     */
    public EmulatedPort(ActiveFaults faults, Path link, Function<FrameSink, ProtocolEngine> engineFactory) {
        this(faults, new EmulatorStatistics(), link, engineFactory);
    }

    /** As above, counting port closures into {@code statistics}. */
    public EmulatedPort(ActiveFaults faults, EmulatorStatistics statistics, Path link,
                        Function<FrameSink, ProtocolEngine> engineFactory) {
        this.faults = faults;
        this.statistics = statistics;
        this.link = link;
        this.pty = Pty.open();
        pointLink();
        this.engine = engineFactory.apply(this);
        this.reader = Thread.ofPlatform().daemon().name("wwan4j-emulator-port").unstarted(this::serve);
        reader.start();
    }

    /** The pty slave clients open now (changes on replug); null while unplugged. */
    public Path path() {
        Pty current = pty;
        return current == null ? null : current.path();
    }

    public Path link() {
        return link;
    }

    public ProtocolEngine engine() {
        return engine;
    }

    /** The port disappears: the pty is closed (its /dev/pts node goes) and the link is removed. */
    public synchronized void unplug() {
        Pty current = pty;
        if (current == null) {
            return;
        }
        pty = null;
        clientPresent = false;
        retire(current);
        if (link != null) {
            try {
                Files.deleteIfExists(link);
            } catch (IOException e) {
                LOG.warn("could not remove link {}", link, e);
            }
        }
        LOG.info("unplugged {}", current.path());
    }

    /** A new pty appears (the link follows it); the engine forgets its clients, as after a USB re-enumeration. */
    public synchronized void replug() {
        if (pty != null) {
            return;
        }
        engine.clientGone();
        engine.reboot();
        pty = Pty.open();
        pointLink();
        LOG.info("replugged as {}", pty.path());
    }

    /** Hands the pty to the reader thread to close and waits until it is closed (at most a few poll intervals). */
    private void retire(Pty current) {
        synchronized (writeLock) {
            if (!reader.isAlive() || Thread.currentThread() == reader) {
                current.close();
                return;
            }
            retiring = current;
            long deadline = System.nanoTime() + POLL_INTERVAL_MILLIS * 5L * 1_000_000L;
            while (retiring != null && System.nanoTime() < deadline) {
                try {
                    writeLock.wait(POLL_INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (retiring != null) {
                retiring = null;
                current.close();
            }
        }
    }

    private void closeRetired() {
        synchronized (writeLock) {
            if (retiring != null) {
                retiring.close();
                retiring = null;
                writeLock.notifyAll();
            }
        }
    }

    private void pointLink() {
        if (link == null) {
            return;
        }
        try {
            Path tmp = link.resolveSibling(link.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, pty.path());
            Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot point " + link + " at " + pty.path(), e);
        }
    }

    private void serve() {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        while (running) {
            try {
                closeRetired();
                Pty current = pty;
                if (current == null) {
                    Thread.sleep(POLL_INTERVAL_MILLIS);
                    continue;
                }
                Pty.Readiness readiness = current.awaitInput(POLL_INTERVAL_MILLIS);
                switch (readiness) {
                    case READABLE -> {
                        int n = current.read(buffer);
                        if (n < 0) {
                            lastClientClosed(current);
                        } else if (n > 0) {
                            clientPresent = true;
                            deliver(buffer, n);
                        }
                    }
                    case NO_CLIENT, NO_CLIENT_STALE_INPUT -> {
                        if (clientPresent || readiness == Pty.Readiness.NO_CLIENT_STALE_INPUT) {
                            lastClientClosed(current);
                        }
                        Thread.sleep(NO_CLIENT_BACKOFF_MILLIS);
                    }
                    case IDLE -> clientPresent = true;
                }
            } catch (InterruptedException e) {
                closeRetired();
                return;
            } catch (IOException | RuntimeException e) {
                if (running && pty != null) {
                    LOG.warn("port loop error; serving on", e);
                }
            }
        }
    }

    private void deliver(byte[] buffer, int length) {
        if (faults.isActive(Fault.HANG)) {
            LOG.debug("hang fault: ignoring {} bytes", length);
            return;
        }
        try {
            engine.receive(buffer, length);
        } catch (RuntimeException e) {
            // An engine must not throw for bad input; if one does, the port still serves the next request.
            LOG.error("engine failed on input; dropped", e);
        }
    }

    private void lastClientClosed(Pty current) {
        // Under the write lock, so no writer that saw the client present can slip a frame in after the flush: such
        // a frame would wait in the slave's queue and greet the next client (libqmi hangs up on a stale bad frame).
        synchronized (writeLock) {
            clientPresent = false;
            current.flush();
        }
        engine.clientGone();
        statistics.lastClientClosed();
        LOG.debug("last client closed {}; queues flushed", current.path());
    }

    @Override
    public void sendResponse(byte[] frame) {
        if (faults.isActive(Fault.HANG)) {
            return;
        }
        if (faults.isActive(Fault.SLOW)) {
            try {
                Thread.sleep(SLOW_RESPONSE_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        taps.forEach(tap -> tap.accept(frame));
        write(faults.isActive(Fault.MALFORMED) ? malformed(frame) : frame);
    }

    @Override
    public void sendIndication(byte[] frame) {
        if (!clientPresent || faults.isActive(Fault.HANG) || faults.isActive(Fault.DROP_INDICATIONS)) {
            return;
        }
        taps.forEach(tap -> tap.accept(frame));
        synchronized (writeLock) {
            // Checked again under the lock: the client may have gone since, and its queue was flushed.
            if (clientPresent) {
                write(faults.isActive(Fault.MALFORMED) ? malformed(frame) : frame);
            }
        }
    }

    /**
     * Writes bytes exactly as given, whole and between the engine's frames, with no fault applied: the hostile-frame
     * injector's way in. Returns false (nothing written) while no client has the port open.
     */
    public boolean writeRaw(byte[] bytes) {
        synchronized (writeLock) {
            Pty current = pty;
            if (!clientPresent || current == null) {
                return false;
            }
            try {
                if (!current.write(bytes, 0, bytes.length, WRITE_STALL_LIMIT_MILLIS)) {
                    LOG.warn("client is not reading; dropped {} raw bytes", bytes.length);
                }
            } catch (IOException e) {
                LOG.warn("raw write failed", e);
            }
            return true;
        }
    }

    /** Calls {@code tap} with every answer and indication the engine sends (before faults); close to stop. */
    public AutoCloseable tapFrames(Consumer<byte[]> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /** Corrupts the framing: the leading marker/type byte inverted, the frame cut short. */
    private static byte[] malformed(byte[] frame) {
        byte[] bad = Arrays.copyOf(frame, Math.max(1, frame.length - 1));
        bad[0] = (byte) ~bad[0];
        return bad;
    }

    private void write(byte[] frame) {
        synchronized (writeLock) {
            Pty current = pty;
            if (current == null) {
                return;
            }
            try {
                boolean complete;
                if (faults.isActive(Fault.DRIBBLE)) {
                    complete = true;
                    for (int offset = 0; offset < frame.length && complete; offset += DRIBBLE_CHUNK_BYTES) {
                        complete = current.write(frame, offset, Math.min(DRIBBLE_CHUNK_BYTES, frame.length - offset),
                                WRITE_STALL_LIMIT_MILLIS);
                        Thread.sleep(DRIBBLE_PAUSE_MILLIS);
                    }
                } else {
                    complete = current.write(frame, 0, frame.length, WRITE_STALL_LIMIT_MILLIS);
                }
                if (!complete) {
                    LOG.warn("client is not reading; dropped a {}-byte frame", frame.length);
                }
            } catch (IOException e) {
                LOG.warn("write failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        try {
            reader.join(POLL_INTERVAL_MILLIS * 5L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        unplug();
        closeRetired();
    }
}
