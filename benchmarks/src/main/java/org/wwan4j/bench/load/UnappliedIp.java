package org.wwan4j.bench.load;

import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.supervisor.IpConfigurator;

/** The load run measures indications, not netlink: IP settings are accepted and not applied (no root needed). */
final class UnappliedIp implements IpConfigurator {

    @Override
    public void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric) {
        // Nothing to apply: the emulated interfaces do not exist.
    }

    @Override
    public void remove(String interfaceName) {
        // Nothing was applied.
    }
}
