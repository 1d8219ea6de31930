package org.wwan4j.bench.host;

import java.nio.file.Path;
import org.wwan4j.bench.ffi.FfiQmiClient;
import org.wwan4j.glib.MainLoopThread;

/**
 * A Java listener of NAS signal-info indications inside a host JVM. It prints {"indication_ns":T} when the listener
 * runs (on the callback executor, where API users' listeners run), the C client's format and clock.
 * TODO(qmiapi): {@code device.nas().onSignalInfoIndication(listener)}.
 */
final class HostedListener {

    private static final int TIMEOUT_SECONDS = 10;

    private HostedListener() {}

    /** Subscribes; the returned client stays open until the host JVM quits. */
    static FfiQmiClient listen(Path device) throws Exception {
        FfiQmiClient client = FfiQmiClient.open(MainLoopThread.shared(), device, "nas", false, TIMEOUT_SECONDS);
        client.onSignalInfo(seenAt -> System.out.println("{\"indication_ns\":" + seenAt + "}"));
        return client;
    }
}
