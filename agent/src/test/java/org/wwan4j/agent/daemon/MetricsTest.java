package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.Health;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Signal;

@Timeout(30)
class MetricsTest {

    private static final AgentStatus STATUS = new AgentStatus(Instant.parse("2026-01-01T00:00:00Z"), false, List.of(
            new ModemStatus("modem1", Health.OK, null, null, List.of(), new ModemInfo("/dev/cdc-wdm0", Protocol.QMI,
                    null, Power.ONLINE, List.of(), null, new Signal(-65, -9, -95, 12.5),
                    new Bearer(true, "internet", Instant.parse("2026-01-01T00:00:01.5Z"), null, null),
                    new Counters(10L, 20L, 1L, 2L, 0L, 3L, null, null), List.of(), null)),
            new ModemStatus(null, new Health(HealthState.RECOVERING, "timeout", 2), null, null, List.of(), ModemInfo.unknown("/dev/cdc-wdm2", Protocol.MBIM))));

    @Test
    void exposesCountersAndSignalPerModemAndLeavesUnknownsOut() {
        String text = MetricsText.format(STATUS);
        assertTrue(text.contains("wwan_rx_bytes_total{modem=\"modem1\"} 20\n"), text);
        assertTrue(text.contains("wwan_rx_drops_total{modem=\"modem1\"} 3\n"), text);
        assertTrue(text.contains("wwan_rsrp_dbm{modem=\"modem1\"} -95\n"), text);
        assertTrue(text.contains("wwan_snr_db{modem=\"modem1\"} 12.5\n"), text);
        assertTrue(text.contains("# TYPE wwan_tx_packets_total counter\n"), text);
        assertFalse(text.contains("wwan_rx_errors_total{"), text);
        assertFalse(text.contains("wwan_rssi_dbm{modem=\"/dev/cdc-wdm2\"}"), "the unmanaged modem has no values yet");
    }

    @Test
    void healthIsAStateSetAndTheBearerAGaugeWithItsStartInSeconds() {
        String text = MetricsText.format(STATUS);
        assertTrue(text.contains("wwan_health_state{modem=\"modem1\",state=\"ok\"} 1\n"), text);
        assertTrue(text.contains("wwan_health_state{modem=\"modem1\",state=\"stuck\"} 0\n"), text);
        assertTrue(text.contains("wwan_health_state{modem=\"/dev/cdc-wdm2\",state=\"recovering\"} 1\n"), text);
        assertTrue(text.contains("wwan_recoveries_total{modem=\"/dev/cdc-wdm2\"} 2\n"), text);
        assertTrue(text.contains("# TYPE wwan_recoveries_total counter\n"), text);
        assertTrue(text.contains("wwan_connected{modem=\"modem1\"} 1\n"), text);
        assertEquals(1767225601.5, sample(text, "wwan_connected_since_timestamp_seconds{modem=\"modem1\"}"));
    }

    @Test
    void namesFollowPrometheusConventions() {
        String text = MetricsText.format(STATUS);
        for (String line : text.split("\n")) {
            if (!line.startsWith("# TYPE ")) {
                continue;
            }
            String[] parts = line.split(" ");
            String name = parts[2];
            assertTrue(name.matches("wwan_[a-z0-9_]+"), line);
            assertEquals(parts[3].equals("counter"), name.endsWith("_total"), "_total on counters only: " + line);
        }
    }

    private static double sample(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).map(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError(series + " missing from\n" + text));
    }

    @Test
    void servesTheTextOnLoopback() throws Exception {
        try (MetricsServer server = MetricsServer.start(0, () -> STATUS);
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + MetricsServer.PATH))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(MetricsText.format(STATUS), response.body());
        }
    }
}
