package org.wwan4j.bench.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.bench.ffi.FfiQmiClient;
import org.wwan4j.glib.MainLoopThread;

/**
 * The modems a host JVM manages: each opened once with one DMS client, as an embedding application would.
 * TODO(qmiapi): open through QmiDevice.open(...) and keep the device, which is what embedders will load.
 */
final class HostedModems implements AutoCloseable {

    private static final int REQUESTS_AFTER_OPEN = 200; // reach the steady-state path (classes loaded, C1 code)
    private static final int TIMEOUT_SECONDS = 10;

    private final List<FfiQmiClient> clients = new ArrayList<>();

    void open(Path device) throws Exception {
        FfiQmiClient client = FfiQmiClient.open(MainLoopThread.shared(), device, "dms", false, TIMEOUT_SECONDS);
        clients.add(client);
        for (int i = 0; i < REQUESTS_AFTER_OPEN; i++) {
            client.getIds().join();
        }
    }

    @Override
    public void close() throws Exception {
        for (FfiQmiClient client : clients) {
            client.close();
        }
    }
}
