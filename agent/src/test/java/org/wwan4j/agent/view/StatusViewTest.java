package org.wwan4j.agent.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.Health;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.testing.ScriptedModem;

class StatusViewTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static AgentStatus status(boolean connected) {
        ModemInfo info = new ModemInfo("/dev/cdc-wdm0", Protocol.QMI, ScriptedModem.IDENTITY, Power.ONLINE,
                List.of(), new Registration(RegistrationState.HOME, "234", "15", "Vodafone", List.of(Rat.LTE)),
                new Signal(-65, -9, -95, 12.5),
                connected ? new Bearer(true, "internet", T, ScriptedModem.IPV4, null) : Bearer.DISCONNECTED,
                new Counters(2048L, 3_500_000L, 10L, 20L, 1L, 0L, 0L, 2L), List.of(), null);
        ModemStatus managed = new ModemStatus("modem1", Health.OK, null, null, List.of(), info);
        ModemStatus missing = new ModemStatus("modem2", new Health(HealthState.ABSENT, null, 0), "modem not found",
                null, List.of(), ModemInfo.unknown(null, null));
        return new AgentStatus(T, false, List.of(managed, missing));
    }

    @Test
    void rowsShowStateOperatorSignalIpCountersAndHealth() {
        List<List<String>> rows = StatusTable.rows(status(true));
        assertEquals(List.of("modem1", "connected", "Vodafone (23415)", "lte", "-65", "-95", "12.5", "10.1.2.3/30",
                "3.3M", "2.0K", "20/10", "1/2", "ok"), rows.get(0));
        assertEquals("absent", rows.get(1).get(1));
        assertEquals("ok modem not found", rows.get(1).get(12));
    }

    @Test
    void plainModePrintsOnlyLinesThatChanged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StatusView view = new StatusView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "demo")) {
            view.update(status(false));
            view.update(status(false));
            view.update(status(true));
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).contains("modem1: state=connected"), lines.get(2));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\033")));
    }

    @Test
    void terminalModeClearsAndRedrawsTheWholeTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StatusView view = new StatusView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "demo")) {
            view.update(status(true));
            view.redraw();
        }
        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(screen.startsWith(StatusView.CLEAR));
        assertTrue(screen.contains("MODEM"), screen);
        assertTrue(screen.contains("Vodafone (23415)"), screen);
    }
}
