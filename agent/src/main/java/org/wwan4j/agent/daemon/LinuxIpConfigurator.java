package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.linux.IpAssignment;
import org.wwan4j.agent.linux.IpSettingsApplier;
import org.wwan4j.agent.linux.SysfsRawIp;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.supervisor.IpConfigurator;

/**
 * Applies bearer settings through the existing netlink {@link IpSettingsApplier} and its resolv file, and gives the
 * interface's qmi_wwan framing switch under the sysfs root.
 */
public final class LinuxIpConfigurator implements IpConfigurator {

    private final IpSettingsApplier applier;
    private final Path sysfsRoot;

    /** @param sysfsRoot normally /sys; null leaves the kernel's data format unchecked */
    public LinuxIpConfigurator(IpSettingsApplier applier, Path sysfsRoot) {
        this.applier = applier;
        this.sysfsRoot = sysfsRoot;
    }

    public LinuxIpConfigurator(IpSettingsApplier applier) {
        this(applier, null);
    }

    @Override
    public KernelDataFormat kernelDataFormat(String interfaceName) {
        return sysfsRoot == null || interfaceName == null ? null : new SysfsRawIp(sysfsRoot, interfaceName);
    }

    @Override
    public void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric)
            throws IOException {
        applier.apply(interfaceName, assignments(settings), userMtu, routeMetric);
    }

    @Override
    public void remove(String interfaceName) throws IOException {
        applier.remove(interfaceName);
    }

    /** One assignment per family that has an address; literals only, so no name lookup can block here. */
    static List<IpAssignment> assignments(BearerSettings settings) {
        List<IpAssignment> out = new ArrayList<>(2);
        for (IpSettings family : new IpSettings[] {settings.ipv4(), settings.ipv6()}) {
            if (family == null || family.address() == null) {
                continue;
            }
            InetAddress address = InetAddress.ofLiteral(family.address());
            int prefix = family.prefix() != null ? family.prefix() : address.getAddress().length * 8;
            InetAddress gateway = family.gateway() == null ? null : InetAddress.ofLiteral(family.gateway());
            List<InetAddress> dns = family.dns().stream().map(InetAddress::ofLiteral).toList();
            out.add(new IpAssignment(address, prefix, gateway, dns, family.mtu() == null ? 0 : family.mtu()));
        }
        return out;
    }
}
