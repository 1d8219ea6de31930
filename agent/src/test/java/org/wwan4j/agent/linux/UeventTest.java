package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UeventTest {

    private static byte[] datagram(String... parts) {
        return (String.join("\0", parts) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aControlPortAppearing() {
        byte[] data = datagram("add@/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4/1-1.4:1.8/usbmisc/cdc-wdm0",
                "ACTION=add", "DEVPATH=/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4/1-1.4:1.8/usbmisc/cdc-wdm0",
                "SUBSYSTEM=usbmisc", "MAJOR=180", "MINOR=176", "DEVNAME=cdc-wdm0", "SEQNUM=4711");
        Uevent event = Uevent.parse(data, data.length).orElseThrow();
        assertEquals("add", event.action());
        assertEquals("usbmisc", event.subsystem());
        assertEquals("cdc-wdm0", event.devname());
        assertEquals("cdc-wdm0", event.deviceName());
        assertEquals(4711, event.sequence());
        assertEquals("180", event.environment().get("MAJOR"));
    }

    @Test
    void aNetworkInterfaceLeaving() {
        byte[] data = datagram("remove@/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4/1-1.4:1.8/net/wwan0",
                "ACTION=remove", "DEVPATH=/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1.4/1-1.4:1.8/net/wwan0",
                "SUBSYSTEM=net", "INTERFACE=wwan0", "IFINDEX=5", "SEQNUM=4800");
        Uevent event = Uevent.parse(data, data.length).orElseThrow();
        assertEquals("remove", event.action());
        assertEquals("wwan0", event.interfaceName());
        assertEquals(null, event.devname());
    }

    @Test
    void anMhiPortUsesTheWwanSubsystem() {
        byte[] data = datagram("add@/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/mhi0/wwan/wwan0/wwan0mbim0",
                "ACTION=add", "SUBSYSTEM=wwan", "DEVNAME=wwan0mbim0", "DEVTYPE=wwan_port", "SEQNUM=12");
        Uevent event = Uevent.parse(data, data.length).orElseThrow();
        assertEquals("wwan", event.subsystem());
        assertEquals("/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/mhi0/wwan/wwan0/wwan0mbim0", event.devpath());
    }

    @Test
    void udevRebroadcastsAndGarbageAreIgnored() {
        byte[] libudev = datagram("libudev", "\u00fe\u00ed\u00ca\u00fe");
        assertTrue(Uevent.parse(libudev, libudev.length).isEmpty());
        byte[] noSubsystem = datagram("add@/devices/x", "ACTION=add");
        assertTrue(Uevent.parse(noSubsystem, noSubsystem.length).isEmpty());
        assertTrue(Uevent.parse(new byte[0], 0).isEmpty());
        byte[] unterminated = "change@/devices/x\0SUBSYSTEM=net\0INTERFACE=wwan0".getBytes(StandardCharsets.UTF_8);
        assertEquals("wwan0", Uevent.parse(unterminated, unterminated.length).orElseThrow().interfaceName());
    }

    @Test
    void theLengthBoundsTheParse() {
        byte[] data = datagram("add@/devices/x", "SUBSYSTEM=net", "INTERFACE=wwan0");
        int withoutInterface = "add@/devices/x\0SUBSYSTEM=net\0".length();
        assertEquals(null, Uevent.parse(data, withoutInterface).orElseThrow().interfaceName());
    }
}
