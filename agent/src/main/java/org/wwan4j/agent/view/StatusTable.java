package org.wwan4j.agent.view;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.Signal;

/** Renders an {@link AgentStatus} as text rows: a fixed-width table for terminals, one line per modem otherwise. */
public final class StatusTable {

    static final List<String> HEADER = List.of("MODEM", "STATE", "OPERATOR", "RAT", "RSSI", "RSRP", "SNR", "IP",
            "RX", "TX", "PKTS RX/TX", "DROP/ERR", "HEALTH");
    private static final String NONE = "-";

    private StatusTable() {
    }

    /** One row of cells per modem, in status order. */
    public static List<List<String>> rows(AgentStatus status) {
        List<List<String>> rows = new ArrayList<>();
        for (ModemStatus modem : status.modems()) {
            ModemInfo info = modem.info() == null ? ModemInfo.unknown(null, null) : modem.info();
            Counters c = info.counters();
            rows.add(List.of(label(modem), state(modem), operator(info.registration()), rats(info.registration()),
                    signal(info.signal(), 'i'), signal(info.signal(), 'p'), signal(info.signal(), 's'),
                    ip(info.bearer()), bytes(c == null ? null : c.rxBytes()), bytes(c == null ? null : c.txBytes()),
                    c == null ? NONE : num(c.rxPackets()) + "/" + num(c.txPackets()),
                    c == null ? NONE : sum(c.rxDrops(), c.txDrops()) + "/" + sum(c.rxErrors(), c.txErrors()),
                    health(modem)));
        }
        return rows;
    }

    /** The table with aligned columns, header first. */
    public static String table(AgentStatus status) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows(status));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                out.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** "modem1: connected Vodafone lte rsrp=-95 ip=10.1.2.3/30 ..." for logs and pipes. */
    public static List<String> lines(AgentStatus status) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows(status)) {
            StringBuilder line = new StringBuilder(row.get(0)).append(':');
            for (int i = 1; i < row.size(); i++) {
                line.append(' ').append(HEADER.get(i).toLowerCase().replace(' ', '_')).append('=').append(row.get(i));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String label(ModemStatus modem) {
        if (modem.name() != null) {
            return modem.name();
        }
        String device = modem.info() == null ? null : modem.info().device();
        return (device == null ? "?" : device) + " (unmanaged)";
    }

    /** What the modem is doing, from the status alone (the view needs no access to the supervisors). */
    static String state(ModemStatus modem) {
        ModemInfo info = modem.info();
        if (modem.health() != null && modem.health().state() != HealthState.OK) {
            return modem.health().state().jsonName();
        }
        if (info == null) {
            return NONE;
        }
        if (info.bearer() != null && info.bearer().connected()) {
            return "connected";
        }
        if (info.power() == Power.LOW_POWER || info.power() == Power.OFFLINE) {
            return "radio-off";
        }
        if (modem.configError() != null) {
            return "failed";
        }
        Registration r = info.registration();
        return r == null ? "opening" : r.state().jsonName();
    }

    private static String health(ModemStatus modem) {
        String error = modem.configError() != null ? modem.configError()
                : modem.probeError() != null ? "probe: " + modem.probeError()
                : modem.health() == null ? null : modem.health().lastError();
        int recoveries = modem.health() == null ? 0 : modem.health().recoveries();
        String base = recoveries > 0 ? "recoveries=" + recoveries : "ok";
        return error == null ? base : base + " " + error;
    }

    private static String operator(Registration r) {
        if (r == null || (r.operator() == null && r.mcc() == null)) {
            return NONE;
        }
        String plmn = r.mcc() == null ? "" : " (" + r.mcc() + r.mnc() + ")";
        return (r.operator() == null ? "" : r.operator()) + plmn;
    }

    private static String rats(Registration r) {
        return r == null || r.rats().isEmpty() ? NONE
                : r.rats().stream().map(rat -> rat.jsonName()).collect(Collectors.joining(","));
    }

    private static String signal(Signal s, char which) {
        if (s == null) {
            return NONE;
        }
        Object v = switch (which) {
            case 'i' -> s.rssi();
            case 'p' -> s.rsrp();
            default -> s.snr();
        };
        return v == null ? NONE : v.toString();
    }

    private static String ip(Bearer b) {
        if (b == null || !b.connected()) {
            return NONE;
        }
        IpSettings ip = b.ipv4() != null ? b.ipv4() : b.ipv6();
        return ip == null || ip.address() == null ? "up" : ip.address() + "/" + ip.prefix();
    }

    /** Human-sized bytes: 1.2M rather than 1234567. */
    static String bytes(Long value) {
        if (value == null) {
            return NONE;
        }
        String[] units = {"B", "K", "M", "G", "T"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? value + "B" : String.format(java.util.Locale.ROOT, "%.1f%s", v, units[unit]);
    }

    private static String num(Long value) {
        return value == null ? NONE : value.toString();
    }

    private static String sum(Long a, Long b) {
        return a == null && b == null ? NONE : Long.toString((a == null ? 0 : a) + (b == null ? 0 : b));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
