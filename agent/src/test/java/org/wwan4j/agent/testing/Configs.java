package org.wwan4j.agent.testing;

import java.util.List;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ModemMatch;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.Protocol;

/** Config entries for tests, changed one field at a time with the with-methods. */
public final class Configs {

    private Configs() {
    }

    public static ModemConfig modem(String name, String device) {
        return new ModemConfig(name, new ModemMatch(device, null, null, null, null), Protocol.AUTO, "wwan0", 0,
                AccessPoint.DEFAULT, null, List.of(), List.of(), false, 0, 100, false, ProbeConfig.DEFAULT);
    }

    public static ModemConfig withApn(ModemConfig c, String apn) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(),
                new AccessPoint(apn, IpType.IPV4, Auth.NONE, null, null, null), c.attachAccessPoint(),
                c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), c.mtu(), c.routeMetric(),
                c.locationTracking(), c.probe());
    }

    public static ModemConfig withMtu(ModemConfig c, int mtu) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(), c.accessPoint(),
                c.attachAccessPoint(), c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), mtu, c.routeMetric(),
                c.locationTracking(), c.probe());
    }

    public static ModemConfig withMetric(ModemConfig c, long metric) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(), c.accessPoint(),
                c.attachAccessPoint(), c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), c.mtu(), metric,
                c.locationTracking(), c.probe());
    }

    public static ModemConfig withSimSlot(ModemConfig c, int slot) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), slot, c.accessPoint(),
                c.attachAccessPoint(), c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), c.mtu(),
                c.routeMetric(), c.locationTracking(), c.probe());
    }

    public static ModemConfig withLocation(ModemConfig c, boolean tracking) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(), c.accessPoint(),
                c.attachAccessPoint(), c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), c.mtu(),
                c.routeMetric(), tracking, c.probe());
    }

    public static ModemConfig withPreferences(ModemConfig c, List<org.wwan4j.agent.config.Rat> rats,
            List<String> plmns, AccessPoint attach) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(), c.accessPoint(),
                attach, plmns, rats, c.forbidRoaming(), c.mtu(), c.routeMetric(), c.locationTracking(), c.probe());
    }

    public static ModemConfig withRecovery(ModemConfig c, org.wwan4j.agent.config.RecoveryConfig recovery) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(), c.accessPoint(),
                c.attachAccessPoint(), c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), c.mtu(),
                c.routeMetric(), c.locationTracking(), c.probe(), recovery);
    }

    public static ModemConfig withProbe(ModemConfig c, ProbeConfig probe) {
        return new ModemConfig(c.name(), c.match(), c.protocol(), c.interfaceName(), c.simSlot(), c.accessPoint(),
                c.attachAccessPoint(), c.preferredPlmns(), c.preferredRats(), c.forbidRoaming(), c.mtu(),
                c.routeMetric(), c.locationTracking(), probe, c.recovery());
    }
}
