package org.wwan4j.bench.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/**
 * The modems a host JVM manages through the idiomatic API, as an embedding application would: each opened once with
 * {@code QmiDevice.open}, one {@code ClientDms} allocated and kept, and some requests made so the steady-state path
 * (its classes, its C1 code) is what the memory figure counts.
 */
final class HostedModems implements AutoCloseable {

    private static final int REQUESTS_AFTER_OPEN = 200;

    private final List<QmiDevice> devices = new ArrayList<>();

    void open(Path path) {
        QmiDevice device = QmiDevice.open(path, QmiDeviceOptions.defaults().withProxy(false)).join();
        devices.add(device);
        ClientDms dms = device.dms().join();
        for (int i = 0; i < REQUESTS_AFTER_OPEN; i++) {
            dms.getIds().join();
        }
    }

    /** Closes every device; their DMS clients' CIDs stay allocated, as on any device close. */
    @Override
    public void close() {
        for (QmiDevice device : devices) {
            device.close();
        }
    }
}
