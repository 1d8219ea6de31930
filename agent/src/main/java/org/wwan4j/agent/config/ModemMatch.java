package org.wwan4j.agent.config;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which physical modem a config entry manages. Every non-null field must agree with the modem; all null matches
 * any modem (the reference agent behaves the same, which suits single-modem devices).
 *
 * @param device        control port path, e.g. {@code /dev/cdc-wdm0}
 * @param usb           USB address in kernel form {@code bus-port[.port...]}, e.g. {@code 1-1.4}
 * @param pci           PCI address, long form, e.g. {@code 0000:01:00.0}
 * @param interfaceName network interface, e.g. {@code wwan0}
 * @param imei          15 digits; known only once the modem is opened
 */
public record ModemMatch(String device, String usb, String pci, String interfaceName, String imei) {

    /** Matches any modem. */
    public static final ModemMatch ANY = new ModemMatch(null, null, null, null, null);

    public boolean isAny() {
        return Stream.of(device, usb, pci, interfaceName, imei).allMatch(Objects::isNull);
    }
}
