package org.wwan4j.agent.status;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wwan4j.agent.config.JsonName;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.glib.DurableFile;

/**
 * Writes status records as the JSON of DESIGN.md: field names and order exactly as the schema, absent values as
 * {@code null} (never left out: scripts filter on the keys), enums by their JSON names, instants as ISO-8601.
 * Built by hand into ordered maps rather than by bean introspection, so a renamed Java component can never
 * silently change the contract.
 */
public final class StatusJson {

    private StatusJson() {
    }

    /** What {@code info --json} prints. */
    public static String info(ModemInfo info, boolean pretty) {
        return write(infoFields(new LinkedHashMap<>(), info), pretty);
    }

    /** What {@code scan --json} prints: {"providers": [...]}, each provider as in {@code info --json}. */
    public static String providers(List<Provider> providers, boolean pretty) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("providers", list(providers, StatusJson::provider));
        return write(root, pretty);
    }

    /** The status file. */
    public static String agent(AgentStatus status, boolean pretty) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("updated", instant(status.updated()));
        root.put("radioSilence", status.radioSilence());
        root.put("radioSilenceTimestamp", instant(status.radioSilenceTimestamp()));
        root.put("configError", status.configError());
        root.put("modems", list(status.modems(), StatusJson::modem));
        return write(root, pretty);
    }

    /**
     * Writes the status file atomically and durably (readers never see half a file), pretty-printed for people and
     * jq, readable by every user.
     */
    public static void writeStatusFile(Path file, AgentStatus status) throws IOException {
        DurableFile.write(file, agent(status, true) + "\n", DurableFile.WORLD_READABLE);
    }

    static Map<String, Object> modem(ModemStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", status.name());
        m.put("health", health(status.health()));
        m.put("configError", status.configError());
        m.put("probeError", status.probeError());
        m.put("unlock", unlock(status.unlock()));
        m.put("events", list(status.events(), StatusJson::event));
        return infoFields(m, status.info());
    }

    private static Map<String, Object> infoFields(Map<String, Object> m, ModemInfo info) {
        ModemInfo i = info == null ? ModemInfo.unknown(null, null) : info;
        m.put("device", i.device());
        m.put("protocol", name(i.protocol()));
        m.put("identity", identity(i.identity()));
        m.put("power", name(i.power()));
        m.put("sims", list(i.sims(), StatusJson::sim));
        m.put("registration", registration(i.registration()));
        m.put("signal", signal(i.signal()));
        m.put("bearer", bearer(i.bearer()));
        m.put("counters", counters(i.counters()));
        m.put("providers", list(i.providers(), StatusJson::provider));
        m.put("location", location(i.location()));
        return m;
    }

    private static Map<String, Object> health(Health h) {
        if (h == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", name(h.state()));
        m.put("lastError", h.lastError());
        m.put("recoveries", h.recoveries());
        m.put("recoveryStep", name(h.recoveryStep()));
        return m;
    }

    /** The modem's locks: never a PIN, only what the SIM said about it. */
    private static Map<String, Object> unlock(UnlockStatus u) {
        if (u == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hardwareId", u.hardwareId());
        Map<String, Object> fcc = null;
        if (u.fcc() != null) {
            fcc = new LinkedHashMap<>();
            fcc.put("state", name(u.fcc().state()));
            fcc.put("method", u.fcc().method());
            fcc.put("message", u.fcc().message());
        }
        m.put("fcc", fcc);
        Map<String, Object> sim = null;
        if (u.sim() != null) {
            sim = new LinkedHashMap<>();
            sim.put("state", name(u.sim().state()));
            sim.put("pinRetries", u.sim().pinRetries());
            sim.put("pukRetries", u.sim().pukRetries());
            sim.put("lastPinAttempt", u.pinAttempt());
        }
        m.put("sim", sim);
        return m;
    }

    private static Map<String, Object> event(StatusEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", instant(e.at()));
        m.put("kind", e.kind());
        m.put("message", e.message());
        return m;
    }

    private static Map<String, Object> identity(Identity id) {
        if (id == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imei", id.imei());
        m.put("manufacturer", id.manufacturer());
        m.put("model", id.model());
        m.put("revision", id.revision());
        m.put("hardwareRevision", id.hardwareRevision());
        return m;
    }

    private static Map<String, Object> sim(Sim s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slot", s.slot());
        m.put("active", s.active());
        m.put("state", name(s.state()));
        m.put("iccid", s.iccid());
        m.put("imsi", s.imsi());
        m.put("type", name(s.type()));
        return m;
    }

    private static Map<String, Object> registration(Registration r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", name(r.state()));
        m.put("mcc", r.mcc());
        m.put("mnc", r.mnc());
        m.put("operator", r.operator());
        m.put("rats", list(r.rats(), StatusJson::name));
        m.put("attachApn", r.attachApn());
        return m;
    }

    private static Map<String, Object> signal(Signal s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rssi", s.rssi());
        m.put("rsrq", s.rsrq());
        m.put("rsrp", s.rsrp());
        m.put("snr", s.snr());
        m.put("nr5g", nr5g(s.nr5g()));
        return m;
    }

    private static Map<String, Object> nr5g(Nr5gSignal s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rsrp", s.rsrp());
        m.put("rsrq", s.rsrq());
        m.put("snr", s.snr());
        return m;
    }

    private static Map<String, Object> bearer(Bearer b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connected", b.connected());
        m.put("apn", b.apn());
        m.put("connectedAt", instant(b.connectedAt()));
        m.put("dataFormat", b.dataFormat() == null ? null : b.dataFormat().jsonName());
        m.put("ipv4", ip(b.ipv4()));
        m.put("ipv6", ip(b.ipv6()));
        return m;
    }

    private static Map<String, Object> ip(IpSettings ip) {
        if (ip == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", ip.address());
        m.put("prefix", ip.prefix());
        m.put("gateway", ip.gateway());
        m.put("dns", ip.dns());
        m.put("mtu", ip.mtu());
        return m;
    }

    private static Map<String, Object> counters(Counters c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("txBytes", c.txBytes());
        m.put("rxBytes", c.rxBytes());
        m.put("txPackets", c.txPackets());
        m.put("rxPackets", c.rxPackets());
        m.put("txDrops", c.txDrops());
        m.put("rxDrops", c.rxDrops());
        m.put("txErrors", c.txErrors());
        m.put("rxErrors", c.rxErrors());
        return m;
    }

    private static Map<String, Object> provider(Provider p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mcc", p.mcc());
        m.put("mnc", p.mnc());
        m.put("name", p.name());
        m.put("status", name(p.status()));
        m.put("roaming", p.roaming());
        return m;
    }

    private static Map<String, Object> location(Location l) {
        if (l == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latitude", l.latitude());
        m.put("longitude", l.longitude());
        m.put("altitude", l.altitude());
        m.put("horizontalUncertainty", l.horizontalUncertainty());
        m.put("verticalUncertainty", l.verticalUncertainty());
        m.put("utc", instant(l.utc()));
        return m;
    }

    private static String name(JsonName value) {
        return value == null ? null : value.jsonName();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T> List<Object> list(List<T> values, Function<T, Object> converter) {
        List<Object> out = new ArrayList<>(values.size());
        for (T value : values) {
            out.add(converter.apply(value));
        }
        return out;
    }

    private static String write(Map<String, Object> tree, boolean pretty) {
        return JsonWriter.write(tree, pretty);
    }
}
