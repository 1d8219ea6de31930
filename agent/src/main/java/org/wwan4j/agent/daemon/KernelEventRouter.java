package org.wwan4j.agent.daemon;

import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.linux.KernelEvent;

/**
 * Decides whether a kernel log event concerns a modem: by network interface, USB device or control port name, or
 * for a USB disconnect also by a hub above the modem (unplugging the hub takes the modem with it).
 */
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
        if (usb != null && event.kind() == KernelEvent.Kind.USB_DISCONNECT && modem.usbAddress() != null
                && modem.usbAddress().startsWith(usb + ".")) {
            return true;
        }
        if (event.device() == null) {
            return false;
        }
        return event.device().equals(modem.port()) || event.device().equals(modem.pciAddress());
    }

    /** Events about the machine rather than one device: every modem shows them, none acts on them. */
    static boolean machineWide(KernelEvent event) {
        return switch (event.kind()) {
            case SOFT_LOCKUP, HARD_LOCKUP, HUNG_TASK, RCU_STALL -> true;
            case NETDEV_WATCHDOG, DRIVER_ERROR, USB_DISCONNECT -> false;
        };
    }
}
