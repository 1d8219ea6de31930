package org.wwan4j.agent.eve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.wwan4j.agent.linux.DiscoveredModem;

/**
 * The physical addresses of a modem by its control port, for status. The agent's status names a modem by its port
 * only; sysfs holds the rest. Discovery runs again only for a port not seen before, so a status write does not walk
 * sysfs each time. A port sysfs does not describe (a modem named by its device path, as the emulator's) reports its
 * path and the configured interface only.
 */
final class PhysAddrsLookup {

    private final Supplier<List<DiscoveredModem>> discovery;
    private final Map<String, EvePhysAddrs> byDevice = new HashMap<>();

    PhysAddrsLookup(Supplier<List<DiscoveredModem>> discovery) {
        this.discovery = discovery;
    }

    EvePhysAddrs of(String device, String configuredInterface) {
        if (device == null) {
            return EvePhysAddrs.NONE;
        }
        EvePhysAddrs known = byDevice.get(device);
        if (known == null) {
            for (DiscoveredModem m : discover()) {
                byDevice.put(m.controlDevice().toString(), EvePhysAddrs.of(m));
            }
            known = byDevice.get(device);
        }
        if (known != null) {
            return known;
        }
        return new EvePhysAddrs(configuredInterface == null ? "" : configuredInterface, "", "", device);
    }

    private List<DiscoveredModem> discover() {
        try {
            return discovery.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
