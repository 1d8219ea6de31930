package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;

class SysfsDiscoveryTest {

    @TempDir
    Path temp;

    private FakeSysfs sysfs;
    private Path dev;

    @BeforeEach
    void tree() throws IOException {
        sysfs = new FakeSysfs(temp.resolve("sys"));
        dev = temp.resolve("dev");
        sysfs.virtualInterface("lo");
        sysfs.ethernet("0000:00:1f.6", "eth0");
    }

    @Test
    void aQmiModemBehindAHub() throws IOException {
        String control = sysfs.usbModem("0000:00:14.0", "1-1.4", "1.8", "qmi_wwan", "cdc-wdm0", "1.8", "wwan0");
        assertTrue(Files.readSymbolicLink(sysfs.root.resolve("class/usbmisc/cdc-wdm0")).toString()
                .equals("../../devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4/1-1.4:1.8/usbmisc/cdc-wdm0"),
                "the fake tree must look like the real one");
        assertEquals(List.of(new DiscoveredModem("cdc-wdm0", dev.resolve("cdc-wdm0"), Protocol.QMI, "qmi_wwan", "1-1.4",
                "1-1.4:1.8", null, "wwan0", sysfs.root.resolve(control).toRealPath())), discover());
    }

    @Test
    void anMbimModemWhoseNetworkInterfaceIsOnASiblingInterface() throws IOException {
        sysfs.usbModem("0000:00:14.0", "2-1", "1.12", "cdc_mbim", "cdc-wdm1", "1.13", "wwan1");
        DiscoveredModem modem = discover().getFirst();
        assertEquals(Protocol.MBIM, modem.protocol());
        assertEquals("cdc_mbim", modem.driver());
        assertEquals("2-1", modem.usbAddress());
        assertEquals("2-1:1.12", modem.usbInterface());
        assertEquals("wwan1", modem.interfaceName());
    }

    @Test
    void aPcieModemOnMhi() throws IOException {
        sysfs.mhiModem("0000:00:1c.0", "0000:01:00.0", "mhi_hwip0");
        List<DiscoveredModem> modems = discover();
        assertEquals(1, modems.size(), "AT and QCDM ports are not control ports: " + modems);
        DiscoveredModem modem = modems.getFirst();
        assertEquals("wwan0mbim0", modem.port());
        assertEquals(dev.resolve("wwan0mbim0"), modem.controlDevice());
        assertEquals(Protocol.MBIM, modem.protocol());
        assertEquals("mhi-pci-generic", modem.driver());
        assertEquals("0000:01:00.0", modem.pciAddress());
        assertEquals(null, modem.usbAddress());
        assertEquals("mhi_hwip0", modem.interfaceName());
    }

    @Test
    void severalModemsComeOutUsbFirstInPortOrder() throws IOException {
        sysfs.mhiModem("0000:00:1c.0", "0000:01:00.0", "mhi_hwip0");
        sysfs.usbModem("0000:00:14.0", "1-10", "1.4", "qmi_wwan", "cdc-wdm10", "1.4", "wwan10");
        sysfs.usbModem("0000:00:14.0", "1-2", "1.4", "qmi_wwan", "cdc-wdm2", "1.4", "wwan2");
        assertEquals(List.of("cdc-wdm2", "cdc-wdm10", "wwan0mbim0"), discover().stream().map(DiscoveredModem::port).toList());
    }

    @Test
    void anUnknownDriverLeavesTheProtocolToProbingAndAMissingNetIsNull() throws IOException {
        sysfs.usbModem("0000:00:14.0", "3-1", "1.0", "cdc_wdm", "cdc-wdm3", null, null);
        DiscoveredModem modem = discover().getFirst();
        assertEquals(Protocol.AUTO, modem.protocol());
        assertEquals(null, modem.interfaceName());
    }

    @Test
    void brokenAndForeignEntriesAreSkipped() throws IOException {
        sysfs.link("class/usbmisc/cdc-wdm9", "devices/gone/cdc-wdm9");
        sysfs.dir("devices/pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0/usbmisc/hiddev0");
        sysfs.link("class/usbmisc/hiddev0", "devices/pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0/usbmisc/hiddev0");
        assertEquals(List.of(), discover());
        assertEquals(List.of(), new SysfsDiscovery(temp.resolve("no-such-sys"), dev).discover());
    }

    private List<DiscoveredModem> discover() {
        return new SysfsDiscovery(sysfs.root, dev).discover();
    }

    @Test
    void aUsbPortOfferedAlsoThroughTheWwanClassIsOneModem() throws IOException {
        String control = sysfs.usbModem("0000:00:14.0", "1-1.4", "1.8", "qmi_wwan", "cdc-wdm0", "1.8", "wwan0");
        sysfs.wwanPortOnUsbInterface(control, "wwan0", "wwan0qmi0");
        assertEquals(List.of("cdc-wdm0"), discover().stream().map(DiscoveredModem::port).toList());
    }

    @Test
    void aUsbPortOnlyInTheWwanClassKeepsItsUsbAddressNotTheHostControllers() throws IOException {
        String control = sysfs.usbModem("0000:00:14.0", "1-1.4", "1.8", "qmi_wwan", "cdc-wdm0", "1.8", "wwan0");
        Files.delete(sysfs.root.resolve("class/usbmisc/cdc-wdm0"));
        sysfs.wwanPortOnUsbInterface(control, "wwan0", "wwan0qmi0");
        DiscoveredModem modem = discover().getFirst();
        assertEquals("wwan0qmi0", modem.port());
        assertEquals("1-1.4", modem.usbAddress());
        assertEquals(null, modem.pciAddress());
        assertEquals(Protocol.QMI, modem.protocol());
        assertEquals("wwan0", modem.interfaceName());
    }
}
