package org.wwan4j.agent.mbim;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.qmi.QmiLocationOverMbim;
import org.wwan4j.agent.status.Location;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.DeviceServiceElement;
import org.wwan4j.mbim.MbimDevice;

/**
 * GNSS on an MBIM modem. MBIM has no GNSS service; Qualcomm MBIM modems carry QMI over MBIM, and LOC with it, which
 * {@link QmiLocationOverMbim} uses. Two conditions, checked in this order, each failing UNSUPPORTED with the reason:
 * the modem was opened through mbim-proxy (a second MBIM session on a port held directly is impossible), and its
 * Device Services list the QMI service (asked once; the answer does not change while the port is open).
 */
final class MbimLocation implements AutoCloseable {
    /** MBIM_UUID_QMI: the Qualcomm service whose CID 1 carries QMUX messages. */
    static final UUID QMI_OVER_MBIM = UUID.fromString("d1a30bc2-f97a-6e43-bf65-c7e24fb0f0d3");

    private final MbimDevice device;
    private final BasicConnect basic;
    private final MbimRequester requester;
    private final QmiLocationOverMbim qmi;
    private volatile Boolean qmiListed;

    MbimLocation(MbimDevice device, BasicConnect basic, MbimRequester requester, Consumer<Location> sink) {
        this.device = device;
        this.basic = basic;
        this.requester = requester;
        this.qmi = new QmiLocationOverMbim(device.path(), sink);
    }

    CompletableFuture<Void> start(Duration interval) {
        if (!device.options().proxy()) {
            return unsupported("the MBIM port is held directly; GNSS needs QMI over MBIM, which shares the port only"
                    + " through mbim-proxy: used from the next open of the modem, as locationTracking is on then"
                    + " (or always, with the agent's --mbim-proxy)");
        }
        return qmiOverMbimListed().thenCompose(listed -> listed ? qmi.start(interval)
                : unsupported("the modem lists no QMI-over-MBIM service (not a Qualcomm MBIM modem), and MBIM has"
                        + " no GNSS service of its own"));
    }

    CompletableFuture<Void> stop() {
        return qmi.stop(); // nothing when never started
    }

    private CompletableFuture<Boolean> qmiOverMbimListed() {
        Boolean known = qmiListed;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return requester.call(timeout -> basic.queryDeviceServices(timeout), Modem.REQUEST_TIMEOUT,
                "device services").thenApply(services -> {
                    boolean listed = services.deviceServices().stream()
                            .map(DeviceServiceElement::deviceServiceId).anyMatch(QMI_OVER_MBIM::equals);
                    qmiListed = listed;
                    return listed;
                });
    }

    private static CompletableFuture<Void> unsupported(String why) {
        return CompletableFuture.failedFuture(new ModemException(Kind.UNSUPPORTED, "location: " + why));
    }

    @Override
    public void close() {
        qmi.close();
    }
}
