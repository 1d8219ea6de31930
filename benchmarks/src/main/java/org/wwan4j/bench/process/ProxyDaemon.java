package org.wwan4j.bench.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * qmi-proxy or mbim-proxy started by the harness itself (never left running). libqmi/libmbim would spawn one on
 * the first {@code -p} client; starting it here instead puts it in a process group the harness owns and kills, and
 * keeps one proxy for a whole measurement rather than one per CLI process group.
 */
public final class ProxyDaemon implements AutoCloseable {

    private static final Duration BIND_WAIT = Duration.ofMillis(500);

    private final ChildProcess process;
    private final boolean ours;

    private ProxyDaemon(ChildProcess process, boolean ours) {
        this.process = process;
        this.ours = ours;
    }

    /** Starts /usr/libexec/{qmi,mbim}-proxy --no-exit. */
    public static ProxyDaemon start(String protocol, Path stderrFile) throws Exception {
        String binary = "/usr/libexec/" + protocol + "-proxy";
        ChildProcess process = ChildProcess.start(List.of(binary, "--no-exit"), Map.of(), stderrFile);
        Thread.sleep(BIND_WAIT);
        // A proxy that exited at once found its abstract socket taken: another proxy (not ours) serves the clients.
        return new ProxyDaemon(process, process.isAlive());
    }

    /** False when another proxy already held the socket, so the measured proxy is not one the harness started. */
    public boolean ours() {
        return ours;
    }

    public long processGroup() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
