package org.wwan4j.agent.daemon;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Signal;

/**
 * The Prometheus text exposition (format 0.0.4) of an {@link AgentStatus}: health, bearer, packet counters and
 * signal per modem. Names follow Prometheus' conventions: one {@code wwan_} prefix, the unit in the name
 * ({@code _bytes}, {@code _dbm}, {@code _db}, {@code _seconds}), {@code _total} on counters and on nothing else,
 * and the modem as the {@code modem} label. Unknown values are left out rather than reported as 0, so a graph
 * shows a gap, not a false drop.
 */
public final class MetricsText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Metric<T>(String name, String type, String help, Function<T, Number> value) {
    }

    private static final List<Metric<ModemStatus>> MODEM = List.of(
            new Metric<>("wwan_connected", "gauge", "1 while the default bearer is connected, else 0",
                    m -> m.info() == null || m.info().bearer() == null ? null : m.info().bearer().connected() ? 1 : 0),
            new Metric<>("wwan_connected_since_timestamp_seconds", "gauge",
                    "When the connected bearer came up, in seconds since the epoch",
                    m -> connectedAt(m) == null ? null : connectedAt(m).toEpochMilli() / 1000.0),
            new Metric<>("wwan_recoveries_total", "counter",
                    "Recovery actions taken since the agent started (retries and ladder steps)",
                    m -> m.health().recoveries()));

    private static final List<Metric<Counters>> COUNTERS = List.of(
            new Metric<>("wwan_rx_bytes_total", "counter", "Bytes received on the bearer", Counters::rxBytes),
            new Metric<>("wwan_tx_bytes_total", "counter", "Bytes sent on the bearer", Counters::txBytes),
            new Metric<>("wwan_rx_packets_total", "counter", "Packets received", Counters::rxPackets),
            new Metric<>("wwan_tx_packets_total", "counter", "Packets sent", Counters::txPackets),
            new Metric<>("wwan_rx_drops_total", "counter", "Received packets dropped", Counters::rxDrops),
            new Metric<>("wwan_tx_drops_total", "counter", "Packets dropped before sending", Counters::txDrops),
            new Metric<>("wwan_rx_errors_total", "counter", "Receive errors", Counters::rxErrors),
            new Metric<>("wwan_tx_errors_total", "counter", "Transmit errors", Counters::txErrors));

    private static final List<Metric<Signal>> SIGNAL = List.of(
            new Metric<>("wwan_rssi_dbm", "gauge", "Received signal strength in dBm", Signal::rssi),
            new Metric<>("wwan_rsrq_db", "gauge", "Reference signal received quality in dB", Signal::rsrq),
            new Metric<>("wwan_rsrp_dbm", "gauge", "Reference signal received power in dBm", Signal::rsrp),
            new Metric<>("wwan_snr_db", "gauge", "Signal to noise ratio in dB", Signal::snr),
            new Metric<>("wwan_nr5g_rsrp_dbm", "gauge", "NR5G leg reference signal received power in dBm",
                    s -> s.nr5g() == null ? null : s.nr5g().rsrp()),
            new Metric<>("wwan_nr5g_rsrq_db", "gauge", "NR5G leg reference signal received quality in dB",
                    s -> s.nr5g() == null ? null : s.nr5g().rsrq()),
            new Metric<>("wwan_nr5g_snr_db", "gauge", "NR5G leg signal to noise ratio in dB",
                    s -> s.nr5g() == null ? null : s.nr5g().snr()));

    /** A state set: one series per state, 1 for the current one (Prometheus' idiom for an enum). */
    static final String HEALTH = "wwan_health_state";

    private MetricsText() {
    }

    public static String format(AgentStatus status) {
        StringBuilder out = new StringBuilder(4096);
        health(out, status);
        for (Metric<ModemStatus> metric : MODEM) {
            write(out, metric, status, m -> m);
        }
        for (Metric<Counters> metric : COUNTERS) {
            write(out, metric, status, m -> m.info() == null ? null : m.info().counters());
        }
        for (Metric<Signal> metric : SIGNAL) {
            write(out, metric, status, m -> m.info() == null ? null : m.info().signal());
        }
        return out.toString();
    }

    private static void health(StringBuilder out, AgentStatus status) {
        out.append("# HELP ").append(HEALTH).append(" The agent's verdict on the modem: 1 for the current state\n");
        out.append("# TYPE ").append(HEALTH).append(" gauge\n");
        for (ModemStatus modem : status.modems()) {
            for (HealthState state : HealthState.values()) {
                out.append(HEALTH).append("{modem=\"").append(escape(label(modem))).append("\",state=\"")
                        .append(state.jsonName()).append("\"} ").append(modem.health().state() == state ? 1 : 0)
                        .append('\n');
            }
        }
    }

    private static Instant connectedAt(ModemStatus modem) {
        Bearer bearer = modem.info() == null ? null : modem.info().bearer();
        return bearer == null || !bearer.connected() ? null : bearer.connectedAt();
    }

    private static <T> void write(StringBuilder out, Metric<T> metric, AgentStatus status,
            Function<ModemStatus, T> part) {
        out.append("# HELP ").append(metric.name()).append(' ').append(metric.help()).append('\n');
        out.append("# TYPE ").append(metric.name()).append(' ').append(metric.type()).append('\n');
        for (ModemStatus modem : status.modems()) {
            T values = part.apply(modem);
            Number value = values == null ? null : metric.value().apply(values);
            if (value == null) {
                continue;
            }
            out.append(metric.name()).append("{modem=\"").append(escape(label(modem))).append("\"} ")
                    .append(number(value)).append('\n');
        }
    }

    /** The config name; an unmanaged modem by its control port. */
    static String label(ModemStatus modem) {
        if (modem.name() != null) {
            return modem.name();
        }
        return modem.info() == null || modem.info().device() == null ? "unknown" : modem.info().device();
    }

    private static String number(Number value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : value.toString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
