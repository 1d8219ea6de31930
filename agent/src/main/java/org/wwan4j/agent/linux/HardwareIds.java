package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A modem's vendor:product id as sysfs gives it: {@code idVendor}/{@code idProduct} of the USB device above a USB
 * port, {@code vendor}/{@code device} of the PCI function above an MHI port. The key of the vendor table.
 */
public final class HardwareIds {

    private HardwareIds() {
    }

    /** "1199:9079" for the modem, or empty when sysfs does not say (a bare path, an emulator's pty). */
    public static Optional<String> of(DiscoveredModem modem) {
        return modem.sysfsDevice() == null ? Optional.empty() : above(modem.sysfsDevice());
    }

    /**
     * The manufacturer string of the USB device above the modem's port (its descriptor's iManufacturer, which sysfs
     * shows as {@code manufacturer}), or empty: MBIM's Device Caps name no manufacturer, so this is where the host
     * learns it, as ModemManager does from udev. PCI functions have no such string.
     */
    public static Optional<String> manufacturer(DiscoveredModem modem) {
        return modem.sysfsDevice() == null ? Optional.empty()
                : nearest(modem.sysfsDevice(), HardwareIds::usbDevice).flatMap(HardwareIds::manufacturerString);
    }

    /** The nearest USB device or PCI function at or above a sysfs directory. */
    static Optional<String> above(Path sysfsDirectory) {
        return nearest(sysfsDirectory, dir -> pair(dir.resolve("idVendor"), dir.resolve("idProduct"))
                .or(() -> pair(dir.resolve("vendor"), dir.resolve("device"))));
    }

    /**
     * Walks from a sysfs directory up through its parents (a port's directory sits below its interface, device and
     * bus) and returns what {@code lookAt} finds in the first directory where it finds anything.
     */
    private static <T> Optional<T> nearest(Path sysfsDirectory, Function<Path, Optional<T>> lookAt) {
        for (Path dir = sysfsDirectory; dir != null; dir = dir.getParent()) {
            Optional<T> found = lookAt.apply(dir);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The directory itself when it is a USB device, which the idVendor file marks. */
    private static Optional<Path> usbDevice(Path dir) {
        return Files.isRegularFile(dir.resolve("idVendor")) ? Optional.of(dir) : Optional.empty();
    }

    private static Optional<String> manufacturerString(Path usbDevice) {
        try {
            String name = Files.readString(usbDevice.resolve("manufacturer")).trim();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            return Optional.empty(); // a USB device without the string
        }
    }

    private static Optional<String> pair(Path vendorFile, Path productFile) {
        if (!Files.isRegularFile(vendorFile) || !Files.isRegularFile(productFile)) {
            return Optional.empty();
        }
        try {
            String vendor = hex(Files.readString(vendorFile));
            String product = hex(Files.readString(productFile));
            return vendor == null || product == null ? Optional.empty() : Optional.of(vendor + ":" + product);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "1199\n" and PCI's "0x1199\n" both read "1199". */
    private static String hex(String content) {
        String value = content.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("0x")) {
            value = value.substring(2);
        }
        return value.matches("[0-9a-f]{4}") ? value : null;
    }
}
