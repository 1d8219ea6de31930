package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModemManagerSandboxTest {

    @TempDir
    Path directory;

    @Test
    void theFakeSysfsDescribesAQmiWwanUsbModemTheWayModemManagerWalksIt() throws Exception {
        Path sysfs = directory.resolve("sys");
        FakeUsbModemSysfs.build(sysfs);

        // MM: realpath(/sys/class/usbmisc/cdc-wdm0)/device, up to the first dir whose subsystem is "usb".
        String port = Files.readSymbolicLink(sysfs.resolve("class/usbmisc/cdc-wdm0")).toString();
        assertTrue(port.startsWith("/sys/devices/") && port.endsWith("/usbmisc/cdc-wdm0"), port);
        Path usbInterface = sysfs.resolve(Path.of("/sys").relativize(
                Files.readSymbolicLink(sysfs.resolve(port.substring("/sys/".length())).resolve("device"))));
        assertEquals("/sys/bus/usb", Files.readSymbolicLink(usbInterface.resolve("subsystem")).toString());
        assertEquals("qmi_wwan", Files.readSymbolicLink(usbInterface.resolve("driver")).getFileName().toString());
        assertEquals("04", Files.readString(usbInterface.resolve("bInterfaceNumber")).trim());
        // The physical device is the interface's parent, with the USB ids.
        assertEquals("1d6b", Files.readString(usbInterface.getParent().resolve("idVendor")).trim());
        // MM refuses a QMI modem without a net port on the same interface.
        assertTrue(Files.readSymbolicLink(sysfs.resolve("class/net/wwan0")).toString()
                .startsWith("/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.4/net/"));
    }

    @Test
    void modemManagerRunsInPrivateMountAndNetworkNamespacesToldAboutBothPorts() throws Exception {
        List<String> command = ModemManagerSandbox.prepare(directory, Path.of("/dev/pts/5"),
                List.of("/usr/sbin/ModemManager", "--test-no-udev"));

        assertEquals(List.of("unshare", "--mount", "--net", "--propagation", "private", "sh"), command.subList(0, 6));
        assertEquals("/usr/sbin/ModemManager", command.get(7));
        String events = Files.readString(directory.resolve("kernel-events"));
        assertEquals("action=add,subsystem=usbmisc,name=cdc-wdm0\naction=add,subsystem=net,name=wwan0\n", events);
        assertTrue(command.getLast().startsWith("--initial-kernel-events="), command.getLast());
    }

    @Test
    void theScriptOnlyMountsInsideTheNamespaceAndBindsThePtyAsTheControlPort() {
        String script = ModemManagerSandbox.script(Path.of("/s/sys"), Path.of("/s/dev"), Path.of("/dev/pts/5"));

        assertTrue(script.contains("mount --bind '/dev/pts/5' '/s/dev/cdc-wdm0'"), script);
        assertTrue(script.contains("mount --bind '/s/sys' /sys"), script);
        assertTrue(script.contains("mount --rbind '/s/dev' /dev"), script);
        assertTrue(script.contains("exec \"$@\""), script);
    }
}
