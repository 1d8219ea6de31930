package org.wwan4j.agent.eve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Location;
import org.wwan4j.agent.status.ModemStatus;

/**
 * The GNSS fix of the tracking modem as EVE's {@code WwanLocationInfo}, or nothing while latitude or longitude is
 * unknown (mmagent publishes no incomplete fix). Unknown values are EVE's -32768; the uncertainties are filled in
 * when the modem reports them (mmagent leaves them 0); the reliabilities are not reported by the modem: not-set.
 */
final class WwanLocationEncoder {

    static final double UNKNOWN = -32768;
    static final String RELIABILITY_NOT_SET = "not-set";

    private WwanLocationEncoder() {
    }

    /** @return the WwanLocationInfo, or null when no modem has a complete fix */
    static Map<String, Object> encode(AgentStatus status, EveWwanConfig config) {
        for (ModemStatus modem : status.modems()) {
            if (modem.name() == null || modem.info() == null || modem.info().location() == null
                    || !config.network(modem.name()).map(EveNetwork::locationTracking).orElse(false)) {
                continue;
            }
            Location fix = modem.info().location();
            if (fix.latitude() == null || fix.longitude() == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("LogicalLabel", modem.name());
            m.put("Latitude", GoJson.float64(fix.latitude()));
            m.put("Longitude", GoJson.float64(fix.longitude()));
            m.put("Altitude", GoJson.float64(orUnknown(fix.altitude())));
            m.put("HorizontalUncertainty", GoJson.float32((float) orUnknown(fix.horizontalUncertainty())));
            m.put("HorizontalReliability", RELIABILITY_NOT_SET);
            m.put("VerticalUncertainty", GoJson.float32((float) orUnknown(fix.verticalUncertainty())));
            m.put("VerticalReliability", RELIABILITY_NOT_SET);
            m.put("UTCTimestamp", fix.utc() == null ? 0L : fix.utc().toEpochMilli());
            return m;
        }
        return null;
    }

    private static double orUnknown(Double value) {
        return value == null ? UNKNOWN : value;
    }
}
