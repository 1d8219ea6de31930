package org.wwan4j.agent.qmi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.glib.RequestDeadlines;
import org.wwan4j.qmi.QmiCidStore;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * Opens {@link QmiModem}s. With a state dir, client IDs and the data call's handle persist there, so a restarted
 * agent (or the CLI run after {@code connect}) reuses them instead of leaking CIDs on the modem.
 */
public final class QmiModemFactory implements ModemFactory {

    private static final Logger LOG = LoggerFactory.getLogger(QmiModemFactory.class);

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
        CompletableFuture<Modem> opening = openOnce(device).exceptionallyCompose(failure -> {
            if (stateDir == null || !QmiFailures.staleClientId(failure)) {
                return CompletableFuture.failedFuture(failure);
            }
            // The modem rebooted since the CIDs were stored: forget them (and the dead call's handle), start afresh.
            LOG.info("{}: stored client IDs are unknown to the modem; allocating new ones", device);
            forgetStoredState(device);
            return openOnce(device);
        });
        // The bindings' deadline sweeper, not orTimeout: that would start the JDK's common-pool delay thread, which
        // then stays for the agent's whole life.
        CompletableFuture<Modem> bounded = RequestDeadlines.bound(opening.copy(), OPEN_BOUND,
                () -> new TimeoutException("not open within " + OPEN_BOUND.toSeconds() + " s"));
        // A modem that opens after the bound was given up on is closed, not leaked.
        bounded.whenComplete((m, failure) -> {
            if (failure != null) {
                opening.thenAccept(Modem::close);
            }
        });
        return bounded.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                QmiFailures.map("open " + device, failure)));
    }

    private CompletableFuture<Modem> openOnce(Path device) {
        return QmiDevice.open(device, options)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        QmiFailures.map("open " + device, failure)))
                .thenCompose(qmi -> QmiModem.attach(qmi, handleFile(device)));
    }

    private void forgetStoredState(Path device) {
        QmiCidStore store = QmiCidStore.open(stateDir, device);
        store.all().forEach((service, cids) -> cids.forEach(cid -> store.remove(service, cid)));
        for (Path file : new Path[] {handleFile(device), QmiBearers.ipv6HandleFile(handleFile(device))}) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                LOG.warn("{}: cannot remove {}: {}", device, file, e.toString());
            }
        }
    }

    private Path handleFile(Path device) {
        if (stateDir == null) {
            return null;
        }
        String name = device.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return stateDir.resolve(name + ".qmi-data-handle");
    }
}
