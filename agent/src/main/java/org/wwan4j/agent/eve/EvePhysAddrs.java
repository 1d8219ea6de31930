package org.wwan4j.agent.eve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.wwan4j.agent.config.ModemMatch;
import org.wwan4j.agent.linux.DiscoveredModem;

/**
 * EVE's {@code WwanPhysAddrs}: where a modem sits. EVE writes a USB address as {@code bus:port[.port...]} where the
 * kernel (and our config) write {@code bus-port[.port...]}; the two are converted here and nowhere else. Empty
 * strings, never null, as Go's zero values.
 *
 * @param dev the control port's device file; in EVE status only, in our config a way to name a modem by its path
 */
record EvePhysAddrs(String iface, String usb, String pci, String dev) {

    static final EvePhysAddrs NONE = new EvePhysAddrs("", "", "", "");

    private static final Pattern EVE_USB = Pattern.compile("(\\d+):(\\d+(?:\\.\\d+)*)");
    private static final Pattern KERNEL_USB = Pattern.compile("(\\d+)-(\\d+(?:\\.\\d+)*)");
    private static final Pattern PCI = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    /** From a WwanConfig network; bad addresses are reported and left out of the match. */
    static EvePhysAddrs read(GoFields f) {
        return new EvePhysAddrs(f.string("Interface"), f.string("USB"), f.string("PCI"), f.string("Dev"));
    }

    /** The agent's match: every non-empty address must agree with the modem, none matches any modem. */
    ModemMatch toMatch(GoFields where) {
        String kernelUsb = null;
        if (!usb.isEmpty()) {
            var m = EVE_USB.matcher(usb);
            if (m.matches()) {
                kernelUsb = m.group(1) + "-" + m.group(2);
            } else {
                where.error("USB", "\"" + usb + "\" is not a USB address like 1:2.3");
            }
        }
        String pciAddress = null;
        if (!pci.isEmpty()) {
            if (PCI.matcher(pci).matches()) {
                pciAddress = pci.toLowerCase(java.util.Locale.ROOT);
            } else {
                where.error("PCI", "\"" + pci + "\" is not a PCI address like 0000:00:15.0");
            }
        }
        String device = null;
        if (!dev.isEmpty()) {
            if (dev.startsWith("/")) {
                device = dev;
            } else {
                where.error("Dev", "\"" + dev + "\" is not an absolute path");
            }
        }
        return new ModemMatch(device, kernelUsb, pciAddress, iface.isEmpty() ? null : iface, null);
    }

    /** What status reports for a modem found in sysfs. */
    static EvePhysAddrs of(DiscoveredModem modem) {
        return new EvePhysAddrs(orEmpty(modem.interfaceName()), eveUsb(modem.usbAddress()),
                orEmpty(modem.pciAddress()), modem.controlDevice().toString());
    }

    private static String eveUsb(String kernelUsb) {
        if (kernelUsb == null) {
            return "";
        }
        var m = KERNEL_USB.matcher(kernelUsb);
        return m.matches() ? m.group(1) + ":" + m.group(2) : kernelUsb;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Go field order. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Interface", iface);
        m.put("USB", usb);
        m.put("PCI", pci);
        m.put("Dev", dev);
        return m;
    }
}
