package org.wwan4j.agent.policy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.IpSettings;

/**
 * Which checks make up one connectivity probe, in order; the first success wins. As in the reference agent:
 * endpoints inside the operator's network first, as they are cheap and answer where the internet is firewalled (a
 * TCP connect to each IP-addressed proxy, then a query to each of the network's DNS servers), then the user's
 * probe. Method {@code none} disables probing: no checks, which counts as success.
 */
public final class ProbePolicy {

    private ProbePolicy() {
    }

    public static List<Prober> plan(ProbeConfig probe, BearerSettings settings) {
        if (probe.method() == ProbeMethod.NONE) {
            return List.of();
        }
        List<Prober> steps = new ArrayList<>();
        for (InetSocketAddress proxy : probe.proxies()) {
            steps.add(new TcpProber(proxy, TcpProber.DEFAULT_TIMEOUT));
        }
        for (IpSettings family : families(settings)) {
            for (String dns : family.dns()) {
                steps.add(new DnsProber(new InetSocketAddress(dns, DnsProber.DNS_PORT), DnsProber.DEFAULT_TIMEOUT));
            }
        }
        steps.add(switch (probe.method()) {
            case ICMP -> new IcmpProber(probe.host() == null ? IcmpProber.DEFAULT_HOST : probe.host());
            case TCP -> new TcpProber(new InetSocketAddress(probe.host(), probe.port()), TcpProber.DEFAULT_TIMEOUT);
            case DNS -> new DnsProber(new InetSocketAddress(probe.host() == null ? IcmpProber.DEFAULT_HOST
                    : probe.host(), probe.port() == null ? DnsProber.DNS_PORT : probe.port()),
                    DnsProber.DEFAULT_TIMEOUT);
            case NONE -> throw new IllegalStateException("handled above");
        });
        return steps;
    }

    private static List<IpSettings> families(BearerSettings settings) {
        List<IpSettings> out = new ArrayList<>(2);
        if (settings != null && settings.ipv4() != null) {
            out.add(settings.ipv4());
        }
        if (settings != null && settings.ipv6() != null) {
            out.add(settings.ipv6());
        }
        return out;
    }
}
