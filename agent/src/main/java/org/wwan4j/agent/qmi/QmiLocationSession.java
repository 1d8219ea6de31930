package org.wwan4j.agent.qmi;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.wwan4j.agent.status.Location;
import org.wwan4j.qmi.ClientLoc;
import org.wwan4j.qmi.LocEventRegistrationFlag;
import org.wwan4j.qmi.LocFixRecurrenceType;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiSubscription;

/**
 * GNSS over QMI LOC: Register Events (position reports), Start with the fix interval, and each Position Report
 * indication turned into a {@link Location}. The LOC client is allocated on first start only: most modems in a
 * fleet never track location, and an unused client costs a CID.
 */
final class QmiLocationSession {

    /** Any id works; one session per client. */
    private static final int SESSION_ID = 1;

    private final QmiDevice device;
    private final Consumer<Location> sink;
    private ClientLoc loc;
    private QmiSubscription reports;

    QmiLocationSession(QmiDevice device, Consumer<Location> sink) {
        this.device = device;
        this.sink = sink;
    }

    synchronized CompletableFuture<Void> start(Duration interval) {
        CompletableFuture<ClientLoc> client = loc != null ? CompletableFuture.completedFuture(loc)
                : device.loc().thenApply(this::adopt);
        return client.thenCompose(l -> l.registerEvents(new ClientLoc.RegisterEventsInput()
                        .eventRegistrationMask(EnumSet.of(LocEventRegistrationFlag.POSITION_REPORT)))
                .thenCompose(ok -> l.start(new ClientLoc.StartInput().sessionId(SESSION_ID)
                        .fixRecurrenceType(LocFixRecurrenceType.PERIODIC_FIXES)
                        .minimumIntervalBetweenPositionReports(Math.max(1000, interval.toMillis())))))
                .thenApply(ok -> null);
    }

    synchronized CompletableFuture<Void> stop() {
        if (loc == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loc.stop(new ClientLoc.StopInput().sessionId(SESSION_ID)).thenApply(ok -> null);
    }

    private synchronized ClientLoc adopt(ClientLoc client) {
        loc = client;
        reports = client.onPositionReport(this::report);
        return client;
    }

    private void report(ClientLoc.PositionReportIndication r) {
        if (r.latitude() == null || r.longitude() == null) {
            return; // a report without a fix (session still searching) is not a location
        }
        sink.accept(new Location(r.latitude(), r.longitude(),
                r.altitudeFromEllipsoid() == null ? null : r.altitudeFromEllipsoid().doubleValue(),
                r.horizontalUncertaintyCircular() == null ? null : r.horizontalUncertaintyCircular().doubleValue(),
                r.verticalUncertainty() == null ? null : r.verticalUncertainty().doubleValue(),
                r.utcTimestamp() == null ? null : Instant.ofEpochMilli(r.utcTimestamp())));
    }

    synchronized void close() {
        if (reports != null) {
            reports.close();
        }
    }

    /**
     * Closes and also gives the LOC client's CID back to the modem: for a device opened only for location, whose
     * CIDs no store keeps for a next process. Blocks up to the device timeout.
     */
    void closeAndRelease() {
        ClientLoc client;
        synchronized (this) {
            close();
            client = loc;
            loc = null;
        }
        if (client != null) {
            client.close();
        }
    }
}
