package org.wwan4j.agent.eve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EVE's deprecated single-APN cellular config ({@code DeprecatedCellConfig}: APN, ProbeAddr, DisableProbe,
 * LocationTracking), accepted in a network entry under {@code Cellular} as a list like the device port config
 * carries it. NIM converts it before WwanConfig is written; hand-written and older files may still carry it, so it
 * is turned into the same fields NIM would produce: an activated access point with that APN, an ICMP probe of
 * ProbeAddr when given, probing disabled on DisableProbe, and the LocationTracking flag. Used only when the entry
 * has no activated AccessPoint, as in NIM.
 */
final class DeprecatedCellConfig {

    private DeprecatedCellConfig() {
    }

    static GoFields apply(GoFields network) {
        List<GoFields> cellular = network.objects("Cellular");
        if (cellular.isEmpty() || network.object("AccessPoint").bool("Activated")) {
            return network;
        }
        GoFields old = cellular.getFirst();
        Map<String, Object> converted = new LinkedHashMap<>();
        for (String field : List.of("LogicalLabel", "PhysAddrs", "Proxies", "MTU", "RouteMetric")) {
            converted.put(field, network.raw(field));
        }
        converted.put("AccessPoint", Map.of("Activated", true, "APN", old.string("APN")));
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("Disable", old.bool("DisableProbe"));
        String probeAddr = old.string("ProbeAddr");
        if (!probeAddr.isEmpty()) {
            probe.put("UserDefinedProbe", Map.of("Method", 1, "ProbeHost", probeAddr));
        }
        converted.put("Probe", probe);
        converted.put("LocationTracking", old.bool("LocationTracking"));
        return new GoFields(converted, network.path(), network.errors());
    }
}
