package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.DiscoveredModem;

class RebindTargetTest {

    @TempDir
    Path sys;

    @Test
    void aUsbModemIsReboundOnTheInterfaceOfItsControlPort() throws IOException {
        Path usbInterface = sys.resolve("devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4/1-1.4:1.8");
        DiscoveredModem modem = new DiscoveredModem("cdc-wdm0", Path.of("/dev/cdc-wdm0"), Protocol.QMI, "qmi_wwan",
                "1-1.4", "1-1.4:1.8", null, "wwan0", usbInterface);
        RebindTarget target = RebindTarget.of(modem);
        assertEquals(usbInterface, target.deviceDir());
        assertEquals("1-1.4:1.8", target.deviceName());
    }

    @Test
    void anMhiModemIsReboundOnItsPciFunction() {
        Path pci = sys.resolve("devices/pci0000:00/0000:00:1c.0/0000:01:00.0");
        DiscoveredModem modem = new DiscoveredModem("wwan0mbim0", Path.of("/dev/wwan0mbim0"), Protocol.MBIM,
                "mhi-pci-generic", null, null, "0000:01:00.0", "wwan0", pci.resolve("mhi0/wwan/wwan0/wwan0mbim0"));
        assertEquals(pci, RebindTarget.of(modem).deviceDir());
    }

    @Test
    void aPortWithoutSysfsDeviceCannotBeRebound() {
        assertNull(RebindTarget.of(new DiscoveredModem("pts", Path.of("/dev/pts/3"), Protocol.QMI, null, null, null,
                null, "emu0", null)));
    }

    @Test
    void theWritesGoToTheDriverTheDeviceIsBoundToAndAMissingDriverIsAnError() throws IOException {
        Path driver = Files.createDirectories(sys.resolve("bus/usb/drivers/cdc_mbim"));
        Path usbInterface = Files.createDirectories(sys.resolve("devices/usb2/2-1/2-1:1.12"));
        assertThrows(IOException.class, () -> DriverRebind.rebind(new RebindTarget(usbInterface)));
        Files.createSymbolicLink(usbInterface.resolve("driver"), driver);
        DriverRebind.rebind(new RebindTarget(usbInterface));
        assertEquals("2-1:1.12", Files.readString(driver.resolve("unbind")));
        assertEquals("2-1:1.12", Files.readString(driver.resolve("bind")));
    }
}
