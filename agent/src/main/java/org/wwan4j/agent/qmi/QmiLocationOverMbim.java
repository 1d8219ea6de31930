package org.wwan4j.agent.qmi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.Location;
import org.wwan4j.qmi.DeviceOpenFlags;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * QMI LOC on an MBIM modem that carries QMI over MBIM (Qualcomm's "qmi" MBIM service): the same
 * {@link QmiLocationSession} as on a QMI modem, over a {@link QmiDevice} that libqmi opens with its MBIM endpoint.
 *
 * <p>libqmi's MBIM endpoint opens its own MBIM session on the port and replaces the function's notification
 * subscriptions with its own; beside an MBIM device held directly that breaks both (two readers of one port).
 * Both therefore go through mbim-proxy, as ModemManager does: it owns the port, merges the subscriptions and hands
 * each client its answers. The port is opened on the first start only: most modems never track location.
 */
public final class QmiLocationOverMbim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QmiLocationOverMbim.class);

    /** Opening over MBIM is MBIM OPEN through the proxy, then QMI's own CTL handshake: two request bounds. */
    static final Duration OPEN_TIMEOUT = Modem.REQUEST_TIMEOUT;

    private final Path port;
    private final Consumer<Location> sink;
    private final Supplier<CompletableFuture<QmiDevice>> opener;
    private CompletableFuture<QmiLocationSession> session;
    private QmiDevice device;
    private boolean closed;

    /** Fixes go to {@code sink}; the port is the MBIM control port the modem was opened on (through mbim-proxy). */
    public QmiLocationOverMbim(Path port, Consumer<Location> sink) {
        this.port = Objects.requireNonNull(port, "port");
        this.sink = Objects.requireNonNull(sink, "sink");
        QmiDeviceOptions options = QmiDeviceOptions.defaults().withProxy(true).withTimeout(OPEN_TIMEOUT)
                .withOpenFlags(Set.of(DeviceOpenFlags.MBIM));
        this.opener = () -> QmiDevice.open(port, options);
    }

    /** Starts periodic fixes; opens QMI over MBIM first if this is the first start. */
    public CompletableFuture<Void> start(Duration interval) {
        return session().thenCompose(s -> s.start(interval))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        QmiFailures.map("LOC Start over MBIM", failure)));
    }

    /** Stops the fixes; nothing to do when never started. */
    public CompletableFuture<Void> stop() {
        CompletableFuture<QmiLocationSession> current;
        synchronized (this) {
            current = session;
        }
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return current.thenCompose(QmiLocationSession::stop)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        QmiFailures.map("LOC Stop over MBIM", failure)));
    }

    private synchronized CompletableFuture<QmiLocationSession> session() {
        if (closed) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.CLOSED,
                    "location over MBIM on " + port + " is closed"));
        }
        CompletableFuture<QmiLocationSession> current = session;
        if (current == null || current.isCompletedExceptionally()) {
            current = opener.get().thenApply(this::adopt);
            session = current;
        }
        return current;
    }

    private synchronized QmiLocationSession adopt(QmiDevice opened) {
        if (closed) {
            opened.close(); // closed while opening: nobody else will
            throw new ModemException(ModemException.Kind.CLOSED, "location over MBIM on " + port + " is closed");
        }
        device = opened;
        LOG.info("{}: QMI over MBIM opened for location", port);
        return new QmiLocationSession(opened, sink);
    }

    /** Releases the LOC client and closes the QMI side; the MBIM modem stays open. Blocks a bounded time. */
    @Override
    public void close() {
        CompletableFuture<QmiLocationSession> current;
        QmiDevice opened;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = session;
            opened = device;
        }
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().closeAndRelease();
        }
        if (opened != null) {
            opened.close();
        }
    }
}
