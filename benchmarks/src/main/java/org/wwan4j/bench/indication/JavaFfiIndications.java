package org.wwan4j.bench.indication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.wwan4j.bench.ffi.FfiQmiClient;
import org.wwan4j.glib.MainLoopThread;

/**
 * A Java listener in this JVM, on the callback executor where API users' listeners run.
 * TODO(qmiapi): {@code device.nas().onSignalInfoIndication(listener)} once the API lands.
 */
public final class JavaFfiIndications implements IndicationContender {

    private static final int TIMEOUT_SECONDS = 10;

    private final FfiQmiClient client;
    private final BlockingQueue<Long> seen = new LinkedBlockingQueue<>();

    private JavaFfiIndications(FfiQmiClient client) {
        this.client = client;
    }

    public static JavaFfiIndications start(Path device) throws Exception {
        FfiQmiClient client = FfiQmiClient.open(MainLoopThread.shared(), device, "nas", false, TIMEOUT_SECONDS);
        JavaFfiIndications contender = new JavaFfiIndications(client);
        try {
            client.onSignalInfo(contender.seen::add);
        } catch (Exception e) {
            client.close();
            throw e;
        }
        return contender;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public long awaitIndication(Duration timeout) throws InterruptedException {
        Long at = seen.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return at == null ? -1 : at;
    }

    @Override
    public void drain() {
        seen.clear();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
