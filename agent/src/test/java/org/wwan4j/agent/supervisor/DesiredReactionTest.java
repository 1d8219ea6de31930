package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.supervisor.DesiredReaction.Action;
import org.wwan4j.agent.supervisor.DesiredReaction.ConfirmRadioOn;
import org.wwan4j.agent.supervisor.DesiredReaction.Observed;
import org.wwan4j.agent.supervisor.DesiredReaction.ReapplyIp;
import org.wwan4j.agent.supervisor.DesiredReaction.Reconnect;
import org.wwan4j.agent.supervisor.DesiredReaction.ReplanProbe;
import org.wwan4j.agent.supervisor.DesiredReaction.StartScan;
import org.wwan4j.agent.supervisor.DesiredReaction.StopScan;
import org.wwan4j.agent.supervisor.DesiredReaction.TurnRadioOff;
import org.wwan4j.agent.supervisor.DesiredReaction.TurnRadioOn;
import org.wwan4j.agent.supervisor.DesiredReaction.UpdateLocation;
import org.wwan4j.agent.testing.Configs;

/** The reaction to new wishes as a plain function: no scheduler, no modem. */
class DesiredReactionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final ModemConfig CONFIG = Configs.modem("modem1", "/dev/cdc-wdm0");
    private static final Desired ON = wanted(CONFIG);
    private static final Observed CONNECTED = new Observed(SupervisorState.CONNECTED, true);
    private static final Observed RADIO_OFF = new Observed(SupervisorState.RADIO_OFF, true);

    private static Desired wanted(ModemConfig config) {
        return new Desired(config, false, T0, false, false);
    }

    private static Desired silence(Instant requestedAt) {
        return new Desired(CONFIG, true, requestedAt, false, false);
    }

    private static List<Action> react(Desired previous, Desired next, Observed observed) {
        return DesiredReaction.react(previous, next, observed);
    }

    @Test
    void withThePortClosedOnlyLocationIsReconsideredTheNextOpenTakesTheRest() {
        for (SupervisorState state : List.of(SupervisorState.ABSENT, SupervisorState.OPENING,
                SupervisorState.RECOVERING)) {
            Observed closed = new Observed(state, false);
            assertEquals(List.of(new UpdateLocation()), react(ON, silence(T1), closed));
            assertEquals(List.of(new UpdateLocation()), react(ON, wanted(Configs.withApn(CONFIG, "corp")), closed));
        }
    }

    @Test
    void radioSilenceTurnsTheRadioOffFromAnyState() {
        for (SupervisorState state : List.of(SupervisorState.CONNECTED, SupervisorState.REGISTERING,
                SupervisorState.FAILED, SupervisorState.STUCK)) {
            assertEquals(List.of(new TurnRadioOff("radio silence requested")),
                    react(ON, silence(T1), new Observed(state, true)));
        }
    }

    @Test
    void aModemNoLongerManagedIsTurnedOff() {
        assertEquals(List.of(new TurnRadioOff("unmanaged modem")),
                react(ON, new Desired(null, false, T0, false, false), CONNECTED));
    }

    @Test
    void radioSilenceAlreadyInForceIsOnlyCarriedOutAgainForANewRequestSoThatItIsEchoed() {
        assertEquals(List.of(), react(silence(T0), silence(T0), RADIO_OFF));
        assertEquals(List.of(new TurnRadioOff("radio silence requested")), react(silence(T0), silence(T1), RADIO_OFF));
    }

    @Test
    void radioAllowedAgainStartsOverFromReady() {
        assertEquals(List.of(new TurnRadioOn()), react(silence(T0), new Desired(CONFIG, false, T1, false, false),
                RADIO_OFF));
        // Still radio-off although both wishes want it on (silence lifted before the radio went off): on again.
        assertEquals(List.of(new TurnRadioOn()), react(ON, ON, RADIO_OFF));
    }

    @Test
    void aNewRequestTimeWhileTheRadioStaysOnIsEchoed() {
        assertEquals(List.of(new ConfirmRadioOn(), new UpdateLocation()),
                react(ON, new Desired(CONFIG, false, T1, false, false), CONNECTED));
    }

    @Test
    void aChangedAccessPointReconnects() {
        assertEquals(List.of(new Reconnect("config changed"), new UpdateLocation()),
                react(ON, wanted(Configs.withApn(CONFIG, "corp.apn")), CONNECTED));
        assertEquals(List.of(new Reconnect("config changed"), new UpdateLocation()),
                react(ON, wanted(Configs.withSimSlot(CONFIG, 2)), CONNECTED));
    }

    @Test
    void aChangedMtuOrRouteMetricOnlyReappliesTheIpSettings() {
        assertEquals(List.of(new ReapplyIp(), new UpdateLocation()),
                react(ON, wanted(Configs.withMtu(CONFIG, 1400)), CONNECTED));
        assertEquals(List.of(new ReapplyIp(), new UpdateLocation()),
                react(ON, wanted(Configs.withMetric(CONFIG, 200)), CONNECTED));
    }

    @Test
    void probeScanAndLocationChangesOnlyReplanTheirOwnWork() {
        ModemConfig tcpProbe = Configs.withProbe(CONFIG, new ProbeConfig(ProbeMethod.TCP, "example.net", 443, 60));
        assertEquals(List.of(new ReplanProbe(), new UpdateLocation()), react(ON, wanted(tcpProbe), CONNECTED));
        Desired scanning = new Desired(CONFIG, false, T0, true, false);
        assertEquals(List.of(new StartScan(), new UpdateLocation()), react(ON, scanning, CONNECTED));
        assertEquals(List.of(new StopScan(), new UpdateLocation()), react(scanning, ON, CONNECTED));
        assertEquals(List.of(new UpdateLocation()), react(ON, ON.withLocationGranted(true), CONNECTED));
    }

    @Test
    void severalChangesAtOnceComeInAFixedOrder() {
        ModemConfig changed = Configs.withProbe(Configs.withApn(CONFIG, "corp.apn"),
                new ProbeConfig(ProbeMethod.NONE, null, null, 300));
        Desired next = new Desired(changed, false, T1, true, true);
        assertEquals(List.of(new ConfirmRadioOn(), new Reconnect("config changed"), new ReplanProbe(),
                new StartScan(), new UpdateLocation()), react(ON, next, CONNECTED));
    }

    @Test
    void nothingChangedLeavesOnlyTheLocationCheck() {
        assertEquals(List.of(new UpdateLocation()), react(ON, ON, CONNECTED));
    }
}
