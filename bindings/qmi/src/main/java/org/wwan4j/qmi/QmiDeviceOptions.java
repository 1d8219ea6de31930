package org.wwan4j.qmi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.wwan4j.glib.MainLoopThread;

/**
 * How to open a QMI device.
 *
 * @param proxy     go through qmi-proxy ({@code QMI_DEVICE_OPEN_FLAGS_PROXY}), so qmicli -p can share the port
 * @param timeout   timeout of open, allocate and release (requests have their own)
 * @param loop      the loop thread libqmi calls run on
 * @param stateDir  where the CID store lives (persistent client IDs), or null to allocate fresh CIDs each time
 * @param openFlags extra open flags, e.g. the data format ({@code NET_802_3}, {@code NET_RAW_IP}...); never SYNC,
 *                  which would release the CIDs this process keeps
 */
public record QmiDeviceOptions(boolean proxy, Duration timeout, MainLoopThread loop, Path stateDir,
                               Set<DeviceOpenFlags> openFlags) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public QmiDeviceOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(loop, "loop");
        openFlags = openFlags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(openFlags));
        if (openFlags.contains(DeviceOpenFlags.SYNC)) {
            throw new IllegalArgumentException("the SYNC open flag releases every CID: it defeats persistent CIDs");
        }
    }

    /** Direct access, 10 s timeout, the shared loop thread, no state dir, no extra flags. */
    public static QmiDeviceOptions defaults() {
        return new QmiDeviceOptions(false, DEFAULT_TIMEOUT, MainLoopThread.shared(), null, Set.of());
    }

    public QmiDeviceOptions withProxy(boolean value) {
        return new QmiDeviceOptions(value, timeout, loop, stateDir, openFlags);
    }

    public QmiDeviceOptions withTimeout(Duration value) {
        return new QmiDeviceOptions(proxy, value, loop, stateDir, openFlags);
    }

    public QmiDeviceOptions withLoop(MainLoopThread value) {
        return new QmiDeviceOptions(proxy, timeout, value, stateDir, openFlags);
    }

    public QmiDeviceOptions withStateDir(Path value) {
        return new QmiDeviceOptions(proxy, timeout, loop, value, openFlags);
    }

    public QmiDeviceOptions withOpenFlags(Set<DeviceOpenFlags> value) {
        return new QmiDeviceOptions(proxy, timeout, loop, stateDir, value);
    }

    /** The C mask passed to qmi_device_open. */
    long openMask() {
        long mask = DeviceOpenFlags.toValue(openFlags);
        return proxy ? mask | DeviceOpenFlags.PROXY.value() : mask;
    }
}
