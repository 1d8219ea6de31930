package org.wwan4j.agent.daemon;

import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.linux.KernelEvent;

/** Decides whether a kernel log event concerns a modem: by network interface, USB device or control port name. */
final class KernelEventRouter {

    private KernelEventRouter() {
    }

    static boolean concerns(KernelEvent event, DiscoveredModem modem) {
        if (modem == null) {
            return false;
        }
        if (event.interfaceName() != null && event.interfaceName().equals(modem.interfaceName())) {
            return true;
        }
        String usb = event.usbDevice();
        if (usb != null && usb.equals(modem.usbAddress())) {
            return true;
        }
        return event.device() != null && event.device().equals(modem.port());
    }
}
