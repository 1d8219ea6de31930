package org.wwan4j.agent.linux;

import java.nio.file.Path;
import org.wwan4j.agent.config.Protocol;

/**
 * A modem control port found in sysfs, with what identifies it physically.
 *
 * @param port          kernel name of the control port: {@code cdc-wdm0}, {@code wwan0mbim0}
 * @param controlDevice its device node ({@code <devRoot>/<port>})
 * @param protocol      QMI or MBIM as the driver tells; AUTO when the driver does not say
 * @param driver        driver bound to the port's interface or device (qmi_wwan, cdc_mbim, mhi-pci-generic...)
 * @param usbAddress    USB device, {@code bus-port[.port...]} (e.g. "1-1.4"); null for PCIe modems
 * @param usbInterface  USB interface of the port (e.g. "1-1.4:1.8"); null for PCIe modems
 * @param pciAddress    PCI function of a PCIe (MHI) modem (e.g. "0000:01:00.0"); null for USB modems
 * @param interfaceName network interface beside the port (e.g. "wwan0"), null when none was found
 * @param sysfsDevice   the resolved sysfs directory of the port's interface or device
 */
public record DiscoveredModem(String port, Path controlDevice, Protocol protocol, String driver, String usbAddress,
        String usbInterface, String pciAddress, String interfaceName, Path sysfsDevice) {

    /** Where udev puts control ports; a config naming {@code /dev/<port>} means this port under any dev root. */
    static final Path CANONICAL_DEV = Path.of("/dev");

    /** Whether a configured device path names this modem's control port. */
    public boolean hasDevice(String configuredPath) {
        Path configured = Path.of(configuredPath);
        if (configured.equals(controlDevice)) {
            return true;
        }
        return CANONICAL_DEV.equals(configured.getParent()) && configured.getFileName().toString().equals(port);
    }
}
