package org.wwan4j.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.supervisor.IpConfigurator;

/**
 * Stands in for the netlink configurator when the demo may not touch interfaces (not root, or the interface does not
 * exist): it says once per interface what it would have applied, so the bearer still shows as connected.
 */
final class SkippedIp implements IpConfigurator {

    private final PrintStream out;
    private final String why;
    private final Set<String> told = new HashSet<>();

    SkippedIp(PrintStream out, String why) {
        this.out = out;
        this.why = why;
    }

    @Override
    public synchronized void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric) {
        if (told.add(interfaceName)) {
            var v4 = settings.ipv4();
            out.println("demo: IP settings for " + interfaceName + " not applied (" + why + ")"
                    + (v4 == null ? "" : ": would set " + v4.address() + "/" + v4.prefix() + " via " + v4.gateway()));
        }
    }

    @Override
    public void remove(String interfaceName) {
        // Nothing was applied.
    }
}
