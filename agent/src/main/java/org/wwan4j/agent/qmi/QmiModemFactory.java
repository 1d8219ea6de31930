package org.wwan4j.agent.qmi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * Opens {@link QmiModem}s. With a state dir, client IDs and the data call's handle persist there, so a restarted
 * agent (or the CLI run after {@code connect}) reuses them instead of leaking CIDs on the modem.
 */
public final class QmiModemFactory implements ModemFactory {

    /** Open includes CTL sync and four client allocations; each is bounded by the device timeout. */
    private static final Duration OPEN_BOUND = Modem.REQUEST_TIMEOUT.multipliedBy(3);

    private final Path stateDir;
    private final QmiDeviceOptions options;

    /** @param stateDir persistent CIDs and handles, or null to keep nothing between processes */
    public QmiModemFactory(Path stateDir) {
        this(stateDir, QmiDeviceOptions.defaults());
    }

    public QmiModemFactory(Path stateDir, QmiDeviceOptions options) {
        this.stateDir = stateDir;
        this.options = stateDir == null ? options : options.withStateDir(stateDir);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol) {
        if (protocol == Protocol.MBIM) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                    device + ": the QMI factory cannot open an MBIM port"));
        }
        if (!Files.exists(device)) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.CLOSED,
                    device + ": no such device"));
        }
        try {
            if (stateDir != null) {
                Files.createDirectories(stateDir);
            }
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.IO,
                    "state dir " + stateDir + ": " + e.getMessage(), e));
        }
        CompletableFuture<Modem> opening = QmiDevice.open(device, options)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        QmiFailures.map("open " + device, failure)))
                .thenCompose(qmi -> QmiModem.attach(qmi, handleFile(device)));
        CompletableFuture<Modem> bounded = opening.copy().orTimeout(OPEN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        // A modem that opens after the bound was given up on is closed, not leaked.
        bounded.whenComplete((m, failure) -> {
            if (failure != null) {
                opening.thenAccept(Modem::close);
            }
        });
        return bounded.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                QmiFailures.map("open " + device, failure)));
    }

    private Path handleFile(Path device) {
        if (stateDir == null) {
            return null;
        }
        String name = device.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return stateDir.resolve(name + ".qmi-data-handle");
    }
}
