package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal sysfs tree, in a scratch directory, describing one USB modem on the qmi_wwan driver whose control port
 * is cdc-wdm0: what ModemManager's udev-less kernel device code reads (the class link, the interface with its
 * class/number attributes and driver link, the USB device with vendor and product). It is mounted over /sys only
 * inside ModemManager's private mount namespace; the real /sys is never touched. Symlinks are absolute (/sys/...),
 * which is where the tree appears inside that namespace.
 */
final class FakeUsbModemSysfs {

    static final String PORT_NAME = "cdc-wdm0";
    /** MM refuses a QMI modem without a net port ("Failed to find a net port"), so the interface has one. */
    static final String NET_NAME = "wwan0";
    // An unassigned USB id: no vendor plugin claims it, so MM's generic plugin drives it over QMI.
    private static final String VENDOR_ID = "1d6b";
    private static final String PRODUCT_ID = "f00d";
    private static final String USB_DEVICE = "devices/pci0000:00/0000:00:14.0/usb1/1-1";
    private static final String USB_INTERFACE = USB_DEVICE + "/1-1:1.4";
    private static final String PORT = USB_INTERFACE + "/usbmisc/" + PORT_NAME;
    private static final String NET = USB_INTERFACE + "/net/" + NET_NAME;

    private FakeUsbModemSysfs() {}

    /** Builds the tree under {@code root} (which will be mounted as /sys). */
    static void build(Path root) throws IOException {
        Files.createDirectories(root.resolve("bus/usb/drivers/qmi_wwan"));
        Files.createDirectories(root.resolve("class/usbmisc"));
        Files.createDirectories(root.resolve("class/net"));
        Files.createDirectories(root.resolve(PORT));
        Files.createDirectories(root.resolve(NET));
        Path device = root.resolve(USB_DEVICE);
        Files.writeString(device.resolve("idVendor"), VENDOR_ID + "\n");
        Files.writeString(device.resolve("idProduct"), PRODUCT_ID + "\n");
        Files.writeString(device.resolve("manufacturer"), "wwan4j\n");
        Files.writeString(device.resolve("product"), "Emulated QMI modem\n");
        link(device.resolve("subsystem"), "/sys/bus/usb");
        Path usbInterface = root.resolve(USB_INTERFACE);
        Files.writeString(usbInterface.resolve("bInterfaceClass"), "ff\n");
        Files.writeString(usbInterface.resolve("bInterfaceSubClass"), "ff\n");
        Files.writeString(usbInterface.resolve("bInterfaceProtocol"), "ff\n");
        Files.writeString(usbInterface.resolve("bInterfaceNumber"), "04\n");
        link(usbInterface.resolve("subsystem"), "/sys/bus/usb");
        link(usbInterface.resolve("driver"), "/sys/bus/usb/drivers/qmi_wwan");
        Path port = root.resolve(PORT);
        link(port.resolve("device"), "/sys/" + USB_INTERFACE);
        link(port.resolve("subsystem"), "/sys/class/usbmisc");
        link(root.resolve("class/usbmisc/" + PORT_NAME), "/sys/" + PORT);
        Path net = root.resolve(NET);
        link(net.resolve("device"), "/sys/" + USB_INTERFACE);
        link(net.resolve("subsystem"), "/sys/class/net");
        link(root.resolve("class/net/" + NET_NAME), "/sys/" + NET);
    }

    private static void link(Path link, String target) throws IOException {
        Files.createSymbolicLink(link, Path.of(target));
    }
}
