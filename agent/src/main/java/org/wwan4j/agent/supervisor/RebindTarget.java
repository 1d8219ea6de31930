package org.wwan4j.agent.supervisor;

import java.nio.file.Path;
import java.util.Objects;
import org.wwan4j.agent.linux.DiscoveredModem;

/**
 * The sysfs directory of the device whose driver a rebind cycles: the USB interface of the control port
 * ({@code .../1-1.4/1-1.4:1.8}) or the PCI function of an MHI modem ({@code .../0000:01:00.0}). Its name is what
 * the driver's {@code unbind} and {@code bind} files take; its {@code driver} link says which driver.
 */
public record RebindTarget(Path deviceDir) {

    public RebindTarget {
        Objects.requireNonNull(deviceDir, "deviceDir");
    }

    /** The name the driver's bind/unbind files take. */
    public String deviceName() {
        return deviceDir.getFileName().toString();
    }

    /** Where discovery found the modem, or null when it has no sysfs device (an emulator pty, a bare path). */
    public static RebindTarget of(DiscoveredModem modem) {
        if (modem == null || modem.sysfsDevice() == null) {
            return null;
        }
        String wanted = modem.usbInterface() != null ? modem.usbInterface() : modem.pciAddress();
        if (wanted == null) {
            return null;
        }
        for (Path dir = modem.sysfsDevice(); dir != null && dir.getFileName() != null; dir = dir.getParent()) {
            if (dir.getFileName().toString().equals(wanted)) {
                return new RebindTarget(dir);
            }
        }
        return null;
    }
}
