package org.wwan4j.agent.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.Protocol;

/**
 * Finds modem control ports in sysfs and what identifies them physically:
 * <ul>
 *   <li>USB modems: {@code class/usbmisc/cdc-wdmN}, whose {@code device} link is the USB interface
 *       ({@code .../usb1/1-1/1-1.4/1-1.4:1.8}); the interface's {@code driver} link says qmi_wwan (QMI) or
 *       cdc_mbim (MBIM); the network interface is in that interface's {@code net/}, else in a sibling
 *       interface of the same USB device (found through {@code class/net/*}/device).</li>
 *   <li>PCIe (MHI) modems: {@code class/wwan/wwanXmbimY} or {@code wwanXqmiY} ports under the PCI function
 *       ({@code .../0000:01:00.0/mhi0/wwan/wwan0/wwan0mbim0}); the network interface is the one whose device lies
 *       under the same PCI function.</li>
 * </ul>
 * Every root is a parameter: tests hand in a fake tree, and nothing here writes.
 */
public final class SysfsDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(SysfsDiscovery.class);

    public static final Path DEFAULT_SYSFS_ROOT = Path.of("/sys");
    public static final Path DEFAULT_DEV_ROOT = Path.of("/dev");

    private static final Pattern USB_INTERFACE = Pattern.compile("(\\d+-\\d+(?:\\.\\d+)*):\\d+\\.\\d+");
    private static final Pattern PCI_FUNCTION = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");
    /** Control ports of the wwan class; AT, firehose and other port types are not ours. */
    private static final Pattern WWAN_CONTROL_PORT = Pattern.compile("wwan\\d+(mbim|qmi)\\d+");

    private final Path sysfsRoot;
    private final Path devRoot;

    public SysfsDiscovery(Path sysfsRoot, Path devRoot) {
        this.sysfsRoot = sysfsRoot;
        this.devRoot = devRoot;
    }

    public SysfsDiscovery() {
        this(DEFAULT_SYSFS_ROOT, DEFAULT_DEV_ROOT);
    }

    /** Every control port present now, USB ones first, each group in port-name order. A broken entry is skipped. */
    public List<DiscoveredModem> discover() {
        List<DiscoveredModem> modems = new ArrayList<>();
        for (Path entry : list(sysfsRoot.resolve("class/usbmisc"))) {
            if (entry.getFileName().toString().startsWith("cdc-wdm")) {
                usbPort(entry).ifPresent(modems::add);
            }
        }
        Set<String> usbInterfacesSeen = new HashSet<>();
        modems.forEach(m -> usbInterfacesSeen.add(m.usbInterface()));
        for (Path entry : list(sysfsRoot.resolve("class/wwan"))) {
            if (WWAN_CONTROL_PORT.matcher(entry.getFileName().toString()).matches()) {
                // cdc-wdm also offers its port through the wwan class (wwan0qmi0 beside cdc-wdm0, usable one at a
                // time): one modem, reached through cdc-wdm, which every libqmi/libmbim version handles.
                wwanPort(entry).filter(m -> m.usbInterface() == null || usbInterfacesSeen.add(m.usbInterface()))
                        .ifPresent(modems::add);
            }
        }
        return modems;
    }

    private Optional<DiscoveredModem> usbPort(Path classEntry) {
        String port = classEntry.getFileName().toString();
        try {
            Path usbInterfaceDir = classEntry.resolve("device").toRealPath();
            if (!USB_INTERFACE.matcher(usbInterfaceDir.getFileName().toString()).matches()) {
                LOG.debug("{}: {} is not a USB interface", port, usbInterfaceDir);
                return Optional.empty();
            }
            String driver = driverName(usbInterfaceDir).orElse(null);
            return Optional.of(usbModem(port, protocolOfDriver(driver), driver, usbInterfaceDir));
        } catch (IOException e) {
            LOG.debug("{}: {}", port, e.toString());
            return Optional.empty();
        }
    }

    private DiscoveredModem usbModem(String port, Protocol protocol, String driver, Path usbInterfaceDir) {
        String usbInterface = usbInterfaceDir.getFileName().toString();
        var interfaceMatch = USB_INTERFACE.matcher(usbInterface);
        String usbDevice = interfaceMatch.matches() ? interfaceMatch.group(1) : null;
        String netInterface = firstChild(usbInterfaceDir.resolve("net"))
                .or(() -> netInterfaceUnder(usbInterfaceDir.getParent(), true)).orElse(null);
        return new DiscoveredModem(port, devRoot.resolve(port), protocol, driver, usbDevice, usbInterface, null,
                netInterface, usbInterfaceDir);
    }

    private Optional<DiscoveredModem> wwanPort(Path classEntry) {
        String port = classEntry.getFileName().toString();
        var portType = WWAN_CONTROL_PORT.matcher(port);
        Protocol protocol = portType.matches() && portType.group(1).equals("mbim") ? Protocol.MBIM : Protocol.QMI;
        try {
            Path portDir = classEntry.toRealPath();
            // A USB modem's path also passes its host controller's PCI function: look for the USB interface first.
            Optional<Path> usbInterfaceDir = ancestor(portDir, USB_INTERFACE);
            if (usbInterfaceDir.isPresent()) {
                return Optional.of(usbModem(port, protocol, driverName(usbInterfaceDir.get()).orElse(null),
                        usbInterfaceDir.get()));
            }
            Optional<Path> pciDir = ancestor(portDir, PCI_FUNCTION);
            if (pciDir.isEmpty()) {
                LOG.debug("{}: {} is neither under a USB interface nor a PCI function", port, portDir);
                return Optional.empty();
            }
            String netInterface = firstChild(portDir.getParent().resolve("net"))
                    .or(() -> netInterfaceUnder(pciDir.get(), false)).orElse(null);
            return Optional.of(new DiscoveredModem(port, devRoot.resolve(port), protocol,
                    driverName(pciDir.get()).orElse(null), null, null, pciDir.get().getFileName().toString(),
                    netInterface, portDir));
        } catch (IOException e) {
            LOG.debug("{}: {}", port, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The first network interface (by name) whose device lies under {@code owner}. For a USB device only its own
     * interfaces count ({@code childrenOnly}), not devices further down a hub.
     */
    private Optional<String> netInterfaceUnder(Path owner, boolean childrenOnly) {
        for (Path net : list(sysfsRoot.resolve("class/net"))) {
            try {
                Path device = net.resolve("device").toRealPath();
                boolean under = childrenOnly ? owner.equals(device.getParent()) : device.startsWith(owner);
                if (under) {
                    return Optional.of(net.getFileName().toString());
                }
            } catch (IOException e) {
                // virtual interfaces (lo, veth...) have no device link
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> ancestor(Path path, Pattern name) {
        for (Path p = path; p != null && p.getFileName() != null; p = p.getParent()) {
            if (name.matcher(p.getFileName().toString()).matches()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> driverName(Path deviceDir) {
        try {
            return Optional.of(Files.readSymbolicLink(deviceDir.resolve("driver")).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static Protocol protocolOfDriver(String driver) {
        if (driver == null) {
            return Protocol.AUTO;
        }
        return switch (driver.toLowerCase(Locale.ROOT)) {
            case "qmi_wwan" -> Protocol.QMI;
            case "cdc_mbim" -> Protocol.MBIM;
            default -> Protocol.AUTO;
        };
    }

    private static Optional<String> firstChild(Path dir) {
        return list(dir).stream().findFirst().map(p -> p.getFileName().toString());
    }

    /** Directory entries sorted by name (natural for cdc-wdm2 vs cdc-wdm10); empty when absent. */
    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            LOG.debug("listing {}: {}", dir, e.toString());
        }
        entries.sort(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                .thenComparing(p -> p.getFileName().toString()));
        return entries;
    }
}
