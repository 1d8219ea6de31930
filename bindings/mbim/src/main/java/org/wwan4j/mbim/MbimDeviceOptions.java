package org.wwan4j.mbim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.wwan4j.glib.MainLoopThread;
import org.wwan4j.glib.RequestDeadlines;

/**
 * How to open an MBIM device.
 *
 * @param proxy    go through mbim-proxy (MBIM_DEVICE_OPEN_FLAGS_PROXY), so {@code mbimcli -p} can share the port
 * @param timeout  libmbim's own timeout for open and for every request that names none of its own
 * @param grace    added to a request's timeout for its Java-side deadline, which fires only if libmbim never answers
 * @param loop     the GLib loop thread the device lives on
 * @param stateDir where the session is kept across restarts (direct mode only); null keeps nothing and sends
 *                 OPEN/CLOSE as usual
 * @param mbimEx   the MS MBIM extensions version to negotiate at open: 1 (none), 2 or 3; the V2/V3 methods of the
 *                 service classes need the matching version
 */
public record MbimDeviceOptions(boolean proxy, Duration timeout, Duration grace, MainLoopThread loop, Path stateDir,
                                int mbimEx) {

    public MbimDeviceOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(loop, "loop");
        if (mbimEx < 1 || mbimEx > 3) {
            throw new IllegalArgumentException("MBIMEx version must be 1, 2 or 3: " + mbimEx);
        }
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("libmbim timeouts are whole seconds, at least 1: " + timeout);
        }
    }

    /** Direct, 10 s requests, 5 s grace, the shared loop thread, no state dir, no MBIMEx. */
    public static MbimDeviceOptions defaults() {
        return new MbimDeviceOptions(false, Duration.ofSeconds(10), RequestDeadlines.GRACE, MainLoopThread.shared(), null,
                1);
    }

    public MbimDeviceOptions withProxy(boolean useProxy) {
        return new MbimDeviceOptions(useProxy, timeout, grace, loop, stateDir, mbimEx);
    }

    public MbimDeviceOptions withTimeout(Duration newTimeout) {
        return new MbimDeviceOptions(proxy, newTimeout, grace, loop, stateDir, mbimEx);
    }

    public MbimDeviceOptions withGrace(Duration newGrace) {
        return new MbimDeviceOptions(proxy, timeout, newGrace, loop, stateDir, mbimEx);
    }

    public MbimDeviceOptions withLoop(MainLoopThread newLoop) {
        return new MbimDeviceOptions(proxy, timeout, grace, newLoop, stateDir, mbimEx);
    }

    public MbimDeviceOptions withStateDir(Path dir) {
        return new MbimDeviceOptions(proxy, timeout, grace, loop, dir, mbimEx);
    }

    public MbimDeviceOptions withMbimEx(int version) {
        return new MbimDeviceOptions(proxy, timeout, grace, loop, stateDir, version);
    }

    /** The Java-side bound of one request. */
    Duration deadline() {
        return timeout.plus(grace);
    }
}
