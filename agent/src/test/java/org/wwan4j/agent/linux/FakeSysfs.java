package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds sysfs-shaped trees in a temp directory, with relative symlinks laid out as the kernel lays them out:
 * devices under {@code devices/pci0000:00/...}, class entries linking into them, {@code device} and
 * {@code driver} links pointing up the tree.
 */
public final class FakeSysfs {

    static final String PCI_ROOT = "devices/pci0000:00";

    public final Path root;

    public FakeSysfs(Path root) {
        this.root = root;
    }

    /**
     * A USB modem: {@code usbmisc/<port>} on interface {@code <usbDevice>:<controlInterface>} bound to
     * {@code driver}, the network interface on interface {@code netInterfaceNumber} (same or a sibling).
     */
    public String usbModem(String hostController, String usbDevice, String controlInterface, String driver, String port,
            String netInterfaceNumber, String netName) throws IOException {
        int bus = Integer.parseInt(usbDevice.substring(0, usbDevice.indexOf('-')));
        StringBuilder devicePath = new StringBuilder(PCI_ROOT + "/" + hostController + "/usb" + bus);
        // Every hub level is a directory of its own: 1-1, then 1-1.4 under it.
        String[] ports = usbDevice.substring(usbDevice.indexOf('-') + 1).split("\\.");
        String level = bus + "-" + ports[0];
        devicePath.append('/').append(level);
        for (int i = 1; i < ports.length; i++) {
            level = level + "." + ports[i];
            devicePath.append('/').append(level);
        }
        String control = devicePath + "/" + usbDevice + ":" + controlInterface;
        dir(control + "/usbmisc/" + port);
        link("class/usbmisc/" + port, control + "/usbmisc/" + port);
        link(control + "/usbmisc/" + port + "/device", control);
        dir("bus/usb/drivers/" + driver);
        link(control + "/driver", "bus/usb/drivers/" + driver);
        if (netName != null) {
            String netParent = devicePath + "/" + usbDevice + ":" + netInterfaceNumber;
            dir(netParent + "/net/" + netName);
            link(netParent + "/net/" + netName + "/device", netParent);
            link("class/net/" + netName, netParent + "/net/" + netName);
        }
        return control;
    }

    /** A PCIe modem on MHI: wwan ports under the PCI function, the data interface from mhi_net beside them. */
    public String mhiModem(String bridge, String function, String netName) throws IOException {
        String pci = PCI_ROOT + "/" + bridge + "/" + function;
        dir("bus/pci/drivers/mhi-pci-generic");
        dir(pci);
        link(pci + "/driver", "bus/pci/drivers/mhi-pci-generic");
        String wwan = pci + "/mhi0/wwan/wwan0";
        for (String port : new String[] {"wwan0mbim0", "wwan0at0", "wwan0qcdm0"}) {
            dir(wwan + "/" + port);
            Files.writeString(root.resolve(wwan + "/" + port + "/type"), port.contains("mbim") ? "MBIM\n" : "AT\n");
            link("class/wwan/" + port, wwan + "/" + port);
        }
        link("class/wwan/wwan0", wwan);
        String netDevice = pci + "/mhi0/mhi0_IP_HW0_MBIM";
        dir(netDevice + "/net/" + netName);
        link(netDevice + "/net/" + netName + "/device", netDevice);
        link("class/net/" + netName, netDevice + "/net/" + netName);
        return pci;
    }

    /** cdc-wdm's second face: the same port offered through the wwan class, under the USB interface. */
    void wwanPortOnUsbInterface(String usbInterfaceDir, String wwanDevice, String port) throws IOException {
        String dir = usbInterfaceDir + "/wwan/" + wwanDevice + "/" + port;
        dir(dir);
        link("class/wwan/" + port, dir);
    }

    /** An ordinary Ethernet NIC, which discovery must never take for a modem's interface. */
    void ethernet(String function, String netName) throws IOException {
        String pci = PCI_ROOT + "/" + function;
        dir(pci + "/net/" + netName);
        link(pci + "/net/" + netName + "/device", pci);
        link("class/net/" + netName, pci + "/net/" + netName);
    }

    /** A virtual interface: no device link at all. */
    void virtualInterface(String netName) throws IOException {
        dir("devices/virtual/net/" + netName);
        link("class/net/" + netName, "devices/virtual/net/" + netName);
    }

    void dir(String relative) throws IOException {
        Files.createDirectories(root.resolve(relative));
    }

    /** A symlink at {@code linkRelative} pointing to {@code targetRelative}, written relative like sysfs does. */
    void link(String linkRelative, String targetRelative) throws IOException {
        Path link = root.resolve(linkRelative);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, link.getParent().relativize(root.resolve(targetRelative)));
    }
}
