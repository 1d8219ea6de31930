package org.wwan4j.agent.linux;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.glib.DurableFile;

/**
 * Puts a bearer's IP settings on its interface the way the reference agent does (no DHCP, no PPP): MTU, link up,
 * the addresses with their prefixes, a default route per family via the bearer's gateway with the configured
 * metric (main table, proto static), and the DNS servers as {@code nameserver} lines in
 * {@code <resolvDir>/<iface>.dhcp}, written atomically because another service reads it.
 *
 * <p>Applying is idempotent and converges: addresses and default routes on the interface that are no longer
 * wanted are removed, so re-applying after the network changed the address or the user changed the metric
 * needs no separate teardown.
 */
public final class IpSettingsApplier {

    private static final Logger LOG = LoggerFactory.getLogger(IpSettingsApplier.class);

    /** Used when neither the user nor the network gives an MTU. */
    public static final int DEFAULT_MTU = 1500;
    /** resolv.conf(5) reads at most three nameservers. */
    public static final int MAX_NAMESERVERS = 3;
    public static final String RESOLV_SUFFIX = ".dhcp";

    private static final int EEXIST = 17;
    private static final int ESRCH = 3;
    private static final int EADDRNOTAVAIL = 99;

    private final Rtnetlink rtnetlink;
    private final Path resolvDir;

    /** @param resolvDir where the per-interface resolv files go (EVE: /run/wwan/resolv.conf) */
    public IpSettingsApplier(Rtnetlink rtnetlink, Path resolvDir) {
        this.rtnetlink = rtnetlink;
        this.resolvDir = resolvDir;
    }

    /** The MTU to set: the user's, else the network's, else {@link #DEFAULT_MTU}. */
    public static int effectiveMtu(int userMtu, List<IpAssignment> assignments) {
        if (userMtu > 0) {
            return userMtu;
        }
        return assignments.stream().mapToInt(IpAssignment::networkMtu).filter(m -> m > 0).findFirst().orElse(DEFAULT_MTU);
    }

    /**
     * @param assignments one per connected family (IPv4 and/or IPv6)
     * @param userMtu     0 for the network's
     * @param metric      metric of the default routes
     */
    public void apply(String interfaceName, List<IpAssignment> assignments, int userMtu, long metric) throws IOException {
        rtnetlink.setMtu(interfaceName, effectiveMtu(userMtu, assignments));
        rtnetlink.setLinkUp(interfaceName, true);
        removeUnwantedAddresses(interfaceName, assignments);
        for (IpAssignment assignment : assignments) {
            rtnetlink.addAddress(interfaceName, assignment.address(), assignment.prefix());
        }
        replaceDefaultRoutes(interfaceName, assignments, metric);
        DurableFile.write(resolvFile(interfaceName), resolvContent(assignments), DurableFile.WORLD_READABLE);
    }

    /** Flushes the addresses (the kernel drops the routes with them), sets the link down, deletes the resolv file. */
    public void remove(String interfaceName) throws IOException {
        rtnetlink.flushAddresses(interfaceName);
        rtnetlink.setLinkUp(interfaceName, false);
        DurableFile.delete(resolvFile(interfaceName));
    }

    public Path resolvFile(String interfaceName) {
        return resolvDir.resolve(interfaceName + RESOLV_SUFFIX);
    }

    /** Up to three {@code nameserver} lines, IPv4 servers first as the assignments come, duplicates dropped. */
    static String resolvContent(List<IpAssignment> assignments) {
        Set<InetAddress> servers = new LinkedHashSet<>();
        assignments.forEach(a -> servers.addAll(a.dns()));
        StringBuilder content = new StringBuilder();
        servers.stream().limit(MAX_NAMESERVERS)
                .forEach(server -> content.append("nameserver ").append(server.getHostAddress()).append('\n'));
        return content.toString();
    }

    /** Whether the assignment's own prefix reaches the gateway; if not (a /32, say), the route must be onlink. */
    static boolean coversGateway(IpAssignment assignment) {
        byte[] address = assignment.address().getAddress();
        byte[] gateway = assignment.gateway().getAddress();
        int bits = assignment.prefix();
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((address[i] & mask) != (gateway[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private void removeUnwantedAddresses(String interfaceName, List<IpAssignment> assignments) throws IOException {
        for (Rtnetlink.AddressEntry present : rtnetlink.addresses(interfaceName)) {
            boolean wanted = assignments.stream().anyMatch(
                    a -> a.address().equals(present.address()) && a.prefix() == present.prefix());
            // Link-local IPv6 belongs to the kernel's own neighbour discovery; leave it.
            if (!wanted && !present.address().isLinkLocalAddress()) {
                try {
                    rtnetlink.deleteAddress(interfaceName, present.address(), present.prefix());
                } catch (NetlinkException e) {
                    if (e.errno() != EADDRNOTAVAIL) {
                        throw e;
                    }
                }
            }
        }
    }

    private void replaceDefaultRoutes(String interfaceName, List<IpAssignment> assignments, long metric)
            throws IOException {
        List<IpAssignment> wanted = new ArrayList<>(assignments.stream().filter(a -> a.gateway() != null).toList());
        for (Rtnetlink.RouteEntry route : rtnetlink.routes(interfaceName)) {
            if (!route.isDefault() || route.gateway() == null) {
                continue;
            }
            boolean keep = route.metric() == metric && wanted.removeIf(a -> a.gateway().equals(route.gateway()));
            if (!keep) {
                try {
                    rtnetlink.deleteDefaultRoute(interfaceName, route.gateway(), route.metric());
                } catch (NetlinkException e) {
                    if (e.errno() != ESRCH) {
                        throw e;
                    }
                }
            }
        }
        for (IpAssignment assignment : wanted) {
            try {
                rtnetlink.addDefaultRoute(interfaceName, assignment.gateway(), metric, !coversGateway(assignment));
            } catch (NetlinkException e) {
                if (e.errno() != EEXIST) {
                    throw e;
                }
                LOG.debug("default route via {} on {} already present", assignment.gateway(), interfaceName);
            }
        }
    }
}
