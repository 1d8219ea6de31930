package org.wwan4j.bench.host;

import java.nio.file.Path;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;
import org.wwan4j.qmi.QmiSubscription;

/**
 * A Java listener of NAS signal-info indications inside a host JVM, through the idiomatic API
 * ({@code ClientNas.onSignalInfo}). It prints {"indication_ns":T} from the listener, i.e. on the callback executor
 * where API users' listeners run, after the indication's record was read: the C client's format and clock.
 */
final class HostedListener implements AutoCloseable {

    private final QmiDevice device;
    private final ClientNas nas;
    private final QmiSubscription subscription;

    private HostedListener(QmiDevice device, ClientNas nas, QmiSubscription subscription) {
        this.device = device;
        this.nas = nas;
        this.subscription = subscription;
    }

    /** Opens, subscribes and registers for signal info (and serving system, as the C baseline does). */
    static HostedListener listen(Path path) {
        QmiDevice device = QmiDevice.open(path, QmiDeviceOptions.defaults().withProxy(false)).join();
        try {
            ClientNas nas = device.nas().join();
            QmiSubscription subscription = nas.onSignalInfo(
                    indication -> System.out.println("{\"indication_ns\":" + System.nanoTime() + "}"));
            nas.registerIndications(new ClientNas.RegisterIndicationsInput().signalInfo(true)
                    .servingSystemEvents(true)).join();
            return new HostedListener(device, nas, subscription);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    @Override
    public void close() {
        subscription.close();
        nas.close();
        device.close();
    }
}
