package org.wwan4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.Sim;

/** The human-readable form of a {@link ModemInfo}: one "label: value" line per fact, "-" for unknown. */
final class InfoText {

    private InfoText() {
    }

    static List<String> lines(ModemInfo info) {
        List<String> out = new ArrayList<>();
        out.add("device:       " + info.device() + " (" + info.protocol().jsonName() + ")");
        var id = info.identity();
        if (id != null) {
            out.add("modem:        " + or(id.manufacturer()) + " " + or(id.model()) + ", firmware " + or(id.revision())
                    + (id.hardwareRevision() == null ? "" : ", hardware " + id.hardwareRevision()));
            out.add("imei:         " + or(id.imei()));
        }
        out.add("power:        " + (info.power() == null ? "-" : info.power().jsonName()));
        for (Sim sim : info.sims()) {
            out.add(String.format("sim slot %d:   %s%s, %s%s%s", sim.slot(), sim.state().jsonName(),
                    sim.active() ? " (active)" : "", sim.type().jsonName(),
                    sim.iccid() == null ? "" : ", iccid " + sim.iccid(),
                    sim.imsi() == null ? "" : ", imsi " + sim.imsi()));
        }
        var reg = info.registration();
        if (reg != null) {
            String plmn = reg.mcc() == null ? "" : " " + reg.mcc() + "-" + reg.mnc();
            out.add("registration: " + reg.state().jsonName() + plmn + (reg.operator() == null ? "" : " " + reg.operator())
                    + (reg.rats().isEmpty() ? "" : " " + reg.rats().stream().map(r -> r.jsonName())
                            .collect(Collectors.joining(","))));
        }
        var sig = info.signal();
        if (sig != null) {
            out.add("signal:       rssi " + or(sig.rssi()) + " dBm, rsrq " + or(sig.rsrq()) + " dB, rsrp "
                    + or(sig.rsrp()) + " dBm, snr " + or(sig.snr()) + " dB");
            if (sig.nr5g() != null) {
                out.add("signal 5g nr: rsrq " + or(sig.nr5g().rsrq()) + " dB, rsrp " + or(sig.nr5g().rsrp())
                        + " dBm, snr " + or(sig.nr5g().snr()) + " dB");
            }
        }
        var bearer = info.bearer();
        out.add("bearer:       " + (bearer != null && bearer.connected() ? "connected" : "disconnected"));
        if (bearer != null) {
            ip(out, "ipv4", bearer.ipv4());
            ip(out, "ipv6", bearer.ipv6());
        }
        var c = info.counters();
        if (c != null) {
            out.add("counters:     tx " + or(c.txBytes()) + " B/" + or(c.txPackets()) + " pkts (drops " + or(c.txDrops())
                    + ", errors " + or(c.txErrors()) + "), rx " + or(c.rxBytes()) + " B/" + or(c.rxPackets())
                    + " pkts (drops " + or(c.rxDrops()) + ", errors " + or(c.rxErrors()) + ")");
        }
        return out;
    }

    static List<String> providers(List<Provider> providers) {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-8s %-10s %-9s %s", "PLMN", "STATUS", "ROAMING", "NAME"));
        for (Provider p : providers) {
            out.add(String.format("%-8s %-10s %-9s %s", p.mcc() + p.mnc(), p.status().jsonName(),
                    p.roaming() == null ? "-" : p.roaming() ? "yes" : "no", or(p.name())));
        }
        return out;
    }

    private static void ip(List<String> out, String family, IpSettings ip) {
        if (ip == null) {
            return;
        }
        out.add("  " + family + ":       " + ip.address() + (ip.prefix() == null ? "" : "/" + ip.prefix())
                + " via " + or(ip.gateway()) + ", dns " + (ip.dns().isEmpty() ? "-" : String.join(" ", ip.dns()))
                + ", mtu " + or(ip.mtu()));
    }

    private static String or(Object value) {
        return value == null ? "-" : value.toString();
    }
}
