package org.wwan4j.agent.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.supervisor.IpConfigurator;

/**
 * Records IP configuration calls as text, e.g. "apply(wwan0,10.1.2.3/30,mtu=0,metric=100)" (each family's
 * address, IPv4 first, joined by "+"), and gives the kernel data format {@link #kernel} names (none by default).
 */
public final class RecordingIp implements IpConfigurator {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The kernel side per interface name; null: none known. Set before the agent starts. */
    public volatile Function<String, KernelDataFormat> kernel = name -> null;

    @Override
    public void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric)
            throws IOException {
        List<String> families = new ArrayList<>(2);
        for (IpSettings family : new IpSettings[] {settings.ipv4(), settings.ipv6()}) {
            if (family != null) {
                families.add(family.address() + "/" + family.prefix());
            }
        }
        calls.add("apply(" + interfaceName + "," + String.join("+", families) + ",mtu=" + userMtu + ",metric="
                + routeMetric + ")");
    }

    @Override
    public KernelDataFormat kernelDataFormat(String interfaceName) {
        return kernel.apply(interfaceName);
    }

    @Override
    public void remove(String interfaceName) throws IOException {
        calls.add("remove(" + interfaceName + ")");
    }
}
