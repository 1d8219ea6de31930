package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor table's key from sysfs: the USB device's ids above a USB port, the PCI function's above an MHI one. */
class HardwareIdsTest {

    @TempDir
    Path sys;

    @Test
    void aUsbPortGetsItsUsbDevicesIds() throws Exception {
        Path device = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4"));
        // The host controller above has PCI ids of its own: the nearest device wins.
        Files.writeString(sys.resolve("devices/pci0000:00/0000:00:14.0/vendor"), "0x8086\n");
        Files.writeString(sys.resolve("devices/pci0000:00/0000:00:14.0/device"), "0xa36d\n");
        Files.writeString(device.resolve("idVendor"), "1199\n");
        Files.writeString(device.resolve("idProduct"), "9079\n");
        Path port = Files.createDirectories(device.resolve("1-1.4:1.8"));
        assertEquals(Optional.of("1199:9079"), HardwareIds.above(port));
    }

    @Test
    void anMhiPortGetsItsPciFunctionsIds() throws Exception {
        Path function = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:1c.0/0000:01:00.0"));
        Files.writeString(function.resolve("vendor"), "0x105b\n");
        Files.writeString(function.resolve("device"), "0xE0AB\n");
        Path port = Files.createDirectories(function.resolve("mhi0/wwan/wwan0/wwan0mbim0"));
        assertEquals(Optional.of("105b:e0ab"), HardwareIds.above(port));
    }

    @Test
    void theManufacturerComesFromTheUsbDevicesDescriptorAndAPciModemHasNone() throws Exception {
        Path device = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:14.0/usb1/1-1"));
        Files.writeString(device.resolve("idVendor"), "1199\n");
        Files.writeString(device.resolve("manufacturer"), "Sierra Wireless, Incorporated\n");
        Path port = Files.createDirectories(device.resolve("1-1:1.12/usbmisc/cdc-wdm0"));
        assertEquals(Optional.of("Sierra Wireless, Incorporated"), HardwareIds.manufacturer(modemAt(port)));

        Path function = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:1c.0/0000:01:00.0"));
        Files.writeString(function.resolve("vendor"), "0x105b\n");
        Path mhiPort = Files.createDirectories(function.resolve("mhi0/wwan/wwan0/wwan0mbim0"));
        assertEquals(Optional.empty(), HardwareIds.manufacturer(modemAt(mhiPort)));
    }

    private static DiscoveredModem modemAt(Path sysfsDevice) {
        return new DiscoveredModem("cdc-wdm0", Path.of("/dev/cdc-wdm0"), org.wwan4j.agent.config.Protocol.MBIM,
                "cdc_mbim", null, null, null, null, sysfsDevice);
    }

    @Test
    void aDirectoryWithoutIdsAboveItHasNone() throws Exception {
        assertEquals(Optional.empty(), HardwareIds.above(Files.createDirectories(sys.resolve("devices/virtual/tty"))));
    }
}
