package org.wwan4j.agent.eve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.ProviderStatus;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.StoredProfile;

/**
 * The agent's status as EVE's {@code WwanStatus}: the Go field names and order, Go's zero values for what is not
 * known, one entry per modem present (an unmanaged one with an empty LogicalLabel) and one per configured modem not
 * found, which carries only its label, configured addresses and "modem not found", as mmagent publishes it.
 */
final class WwanStatusEncoder {

    private static final int BEARER_TYPE_ATTACH = 1;
    private static final int BEARER_TYPE_DEFAULT = 2;
    private static final int BEARER_TYPE_DEDICATED = 3;

    private final PhysAddrsLookup phys;

    WwanStatusEncoder(PhysAddrsLookup phys) {
        this.phys = phys;
    }

    /**
     * @param rsConfigTimestamp the radio-silence request time to echo (the last one carried out)
     */
    Map<String, Object> encode(AgentStatus status, EveWwanConfig config, String rsConfigTimestamp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DPCKey", config.dpcKey());
        m.put("DPCTimestamp", config.dpcTimestamp());
        m.put("RSConfigTimestamp", rsConfigTimestamp);
        List<Object> networks = new ArrayList<>();
        String locationHolder = locationHolder(status, config);
        for (ModemStatus modem : status.modems()) {
            networks.add(network(modem, config, status.configError(), modem.name() != null
                    && modem.name().equals(locationHolder)));
        }
        m.put("Networks", GoJson.slice(networks));
        return m;
    }

    /** The first present modem whose network wants GNSS: the one the agent grants it to. */
    private static String locationHolder(AgentStatus status, EveWwanConfig config) {
        for (ModemStatus modem : status.modems()) {
            if (modem.name() != null && !missing(modem)
                    && config.network(modem.name()).map(EveNetwork::locationTracking).orElse(false)) {
                return modem.name();
            }
        }
        return null;
    }

    private static boolean missing(ModemStatus modem) {
        return ConfigMatcher.MODEM_NOT_FOUND.equals(modem.configError());
    }

    private Map<String, Object> network(ModemStatus modem, EveWwanConfig config, String rejectedConfig,
            boolean tracking) {
        EveNetwork network = modem.name() == null ? null : config.network(modem.name()).orElse(null);
        ModemInfo info = modem.info();
        boolean isMissing = missing(modem);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LogicalLabel", modem.name() == null ? "" : modem.name());
        EvePhysAddrs addrs = isMissing && network != null ? network.physAddrs()
                : phys.of(info == null ? null : info.device(), network == null ? null : network.physAddrs().iface());
        m.put("PhysAddrs", addrs.json());
        if (isMissing) {
            info = null; // mmagent reports a missing modem by its config alone
        }
        m.put("Module", module(info));
        m.put("SimCards", GoJson.slice(info == null ? List.of() : info.sims().stream().map(WwanStatusEncoder::sim)
                .toList()));
        m.put("ConfigError", configError(modem, network, rejectedConfig));
        m.put("ProbeError", modem.probeError() == null || isMissing ? "" : modem.probeError());
        Registration reg = info == null ? null : info.registration();
        m.put("CurrentProvider", currentProvider(reg));
        m.put("VisibleProviders", GoJson.slice(info == null ? List.of() : info.providers().stream()
                .map(WwanStatusEncoder::visibleProvider).toList()));
        m.put("CurrentRATs", GoJson.slice(reg == null ? List.of() : reg.rats().stream().map(r -> r.jsonName())
                .toList()));
        Bearer bearer = info == null ? null : info.bearer();
        boolean connected = bearer != null && bearer.connected();
        m.put("ConnectedAt", connected ? connectedAt(bearer) : 0L);
        m.put("IPSettings", ipSettings(connected ? bearer : null));
        m.put("LocationTracking", tracking && info != null && WwanOpMode.of(info).startsWith("online"));
        m.put("Bearers", GoJson.slice(bearers(bearer, reg, modem)));
        m.put("Profiles", GoJson.slice(info == null ? List.of() : info.profiles().stream()
                .map(WwanStatusEncoder::profile).toList()));
        return m;
    }

    /**
     * mmagent's order: the credentials error, then the connect error. Ours: what the agent cannot see (encrypted
     * credentials), a rejected WwanConfig (the last good one keeps running), the agent's own config error ("modem
     * not found"), then the last failure of a modem that is not connected.
     */
    private static String configError(ModemStatus modem, EveNetwork network, String rejectedConfig) {
        if (missing(modem)) {
            return modem.configError();
        }
        if (network != null && network.configError() != null) {
            return network.configError();
        }
        if (rejectedConfig != null && modem.name() != null) {
            return "WwanConfig rejected, the previous one stays in force: " + rejectedConfig;
        }
        if (modem.configError() != null) {
            return modem.configError();
        }
        Bearer bearer = modem.info() == null ? null : modem.info().bearer();
        boolean connected = bearer != null && bearer.connected();
        if (modem.name() != null && !connected && modem.health() != null && modem.health().lastError() != null) {
            return modem.health().lastError();
        }
        return "";
    }

    private static Map<String, Object> module(ModemInfo info) {
        Identity id = info == null || info.identity() == null ? new Identity(null, null, null, null) : info.identity();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", orEmpty(id.imei())); // mmagent names a module by its IMEI; NIM fills in the rest
        m.put("IMEI", orEmpty(id.imei()));
        m.put("Model", orEmpty(id.model()));
        m.put("Manufacturer", orEmpty(id.manufacturer()));
        m.put("Revision", orEmpty(id.revision()));
        Protocol protocol = info == null ? null : info.protocol();
        m.put("ControlProtocol", protocol == null || protocol == Protocol.AUTO ? "" : protocol.jsonName());
        m.put("OpMode", WwanOpMode.of(info));
        return m;
    }

    /** One slot, empty or not; the state names are mmagent's (absent, present, inactive, error) plus locked. */
    private static Map<String, Object> sim(Sim sim) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", orEmpty(sim.iccid()));
        m.put("SlotNumber", sim.slot());
        m.put("SlotActivated", sim.active());
        m.put("ICCID", orEmpty(sim.iccid()));
        m.put("IMSI", orEmpty(sim.imsi()));
        m.put("Type", sim.type() == null ? 0 : switch (sim.type()) {
            case PHYSICAL -> 1;
            case ESIM -> 2;
            case UNKNOWN -> 0;
        });
        m.put("State", sim.state() == null ? "" : sim.state().jsonName());
        return m;
    }

    private static Map<String, Object> currentProvider(Registration reg) {
        String plmn = reg == null || reg.mcc() == null || reg.mnc() == null ? "" : reg.mcc() + reg.mnc();
        RegistrationState state = reg == null ? null : reg.state();
        return provider(plmn, plmn.isEmpty() || reg.operator() == null ? "" : reg.operator(), !plmn.isEmpty(),
                state == RegistrationState.ROAMING, state == RegistrationState.DENIED);
    }

    /** The scan knows the roaming flag where the modem reports it (QMI); mmagent leaves it false. */
    private static Map<String, Object> visibleProvider(Provider p) {
        return provider(orEmpty(p.mcc()) + orEmpty(p.mnc()), orEmpty(p.name()), p.status() == ProviderStatus.CURRENT,
                Boolean.TRUE.equals(p.roaming()), p.status() == ProviderStatus.FORBIDDEN);
    }

    private static Map<String, Object> provider(String plmn, String description, boolean serving, boolean roaming,
            boolean forbidden) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("PLMN", plmn);
        m.put("Description", description);
        m.put("CurrentServing", serving);
        m.put("Roaming", roaming);
        m.put("Forbidden", forbidden);
        return m;
    }

    private static long connectedAt(Bearer bearer) {
        return bearer.connectedAt() == null ? 0L : bearer.connectedAt().getEpochSecond();
    }

    /** mmagent reads the bearer's IPv4 settings, IPv6 only when there are none. */
    private static Map<String, Object> ipSettings(Bearer bearer) {
        IpSettings ip = bearer == null ? null : bearer.ipv4() != null ? bearer.ipv4() : bearer.ipv6();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Address", ip == null ? null : GoJson.ipNet(ip.address(), ip.prefix()));
        m.put("Gateway", GoJson.ip(ip == null ? null : ip.gateway()));
        m.put("DNSServers", GoJson.slice(ip == null ? List.of() : ip.dns().stream().map(GoJson::ip).toList()));
        m.put("MTU", ip == null || ip.mtu() == null ? 0 : ip.mtu());
        return m;
    }

    /** The default bearer when known, and the LTE attach bearer when the modem reports its APN. */
    private static List<Object> bearers(Bearer bearer, Registration reg, ModemStatus modem) {
        List<Object> out = new ArrayList<>();
        if (reg != null && reg.attachApn() != null) {
            boolean attached = reg.state() == RegistrationState.HOME || reg.state() == RegistrationState.ROAMING;
            out.add(bearer(reg.attachApn(), BEARER_TYPE_ATTACH, "", attached, "", 0));
        }
        if (bearer != null && (bearer.connected() || bearer.apn() != null)) {
            String ipType = bearer.ipv4() != null && bearer.ipv6() != null ? "ipv4v6"
                    : bearer.ipv6() != null ? "ipv6" : bearer.ipv4() != null ? "ipv4" : "";
            String error = bearer.connected() || modem.health() == null || modem.health().lastError() == null ? ""
                    : modem.health().lastError();
            out.add(bearer(orEmpty(bearer.apn()), BEARER_TYPE_DEFAULT, ipType, bearer.connected(), error,
                    bearer.connected() ? connectedAt(bearer) : 0));
        }
        return out;
    }

    private static Map<String, Object> bearer(String apn, int type, String ipType, boolean connected, String error,
            long connectedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("APN", apn);
        m.put("Type", type);
        m.put("IPType", ipType);
        m.put("Connected", connected);
        m.put("ConnectionError", error);
        m.put("ConnectedAt", connectedAt);
        return m;
    }

    /**
     * One stored profile as mmagent lists ModemManager's: the name, else {@code profile-id:N}; the bearer type
     * from the APN type (attach before default, any other purpose dedicated); ForbidRoaming when the modem will
     * not use the profile while roaming.
     */
    private static Map<String, Object> profile(StoredProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", p.name() != null ? p.name() : p.id() != null && p.id() >= 0 ? "profile-id:" + p.id() : "");
        m.put("APN", p.apn());
        m.put("BearerType", p.purposes().contains(StoredProfile.Purpose.ATTACH) ? BEARER_TYPE_ATTACH
                : p.purposes().contains(StoredProfile.Purpose.DEFAULT) ? BEARER_TYPE_DEFAULT
                : p.purposes().isEmpty() ? 0 : BEARER_TYPE_DEDICATED);
        m.put("IPType", p.ipType() == null ? "" : p.ipType().jsonName());
        m.put("ForbidRoaming", Boolean.FALSE.equals(p.roamingAllowed()));
        return m;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
