package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.policy.Backoff;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.ManualScheduler;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedFactory;
import org.wwan4j.agent.testing.ScriptedModem;
import org.wwan4j.agent.testing.ScriptedProber;

/** A supervisor started on a modem whose bearer is already up (the agent restarted) keeps it when it fits. */
class BearerAdoptionTest {

    private static final Path DEV = Path.of("/dev/cdc-wdm0");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final IpSettings LEFT_UP = new IpSettings("10.9.8.7", 29, "10.9.8.1", List.of("10.0.0.53"), 1500);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ScriptedFactory factory = new ScriptedFactory();
    private final ScriptedModem modem = factory.modem(DEV);
    private final RecordingIp ip = new RecordingIp();
    private final List<String> transitions = new ArrayList<>();
    private volatile ModemStatus status;
    private final ModemConfig config = Configs.modem("modem1", DEV.toString());

    private final SupervisorListener listener = new SupervisorListener() {
        @Override
        public void statusChanged(ModemSupervisor supervisor, ModemStatus s) {
            status = s;
        }

        @Override
        public void stateChanged(ModemSupervisor supervisor, SupervisorState from, SupervisorState to, String why) {
            transitions.add(to.jsonName());
        }
    };

    /** The modem as a previous run left it: online and registered, with a bearer up. */
    private ModemSupervisor startedOnLiveBearer(ModemConfig wanted, BearerSettings leftUp) {
        modem.setPower(Power.ONLINE).join();
        modem.bearer = leftUp;
        modem.clearCalls();
        ModemSupervisor s = new ModemSupervisor("modem1", new Desired(wanted, false, T0, false, false),
                SupervisorSettings.DEFAULTS, scheduler, factory,
                new ConnectPolicy(ap -> Optional.ofNullable(ap.password())),
                Backoff.withDefaults(new FixedRandom(0.5)), ip, new ScriptedProber(), listener);
        s.found(DEV, Protocol.QMI, "wwan0");
        scheduler.runReady();
        return s;
    }

    private List<String> eventMessages() {
        return status.events().stream().map(StatusEvent::message).toList();
    }

    @Test
    void aLiveBearerOnTheConfiguredApnIsAdoptedWithoutConnectOrDisconnect() {
        ModemSupervisor s = startedOnLiveBearer(config, new BearerSettings(LEFT_UP, null, "internet"));

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(modem.calls("connect").isEmpty(), modem.calls().toString());
        assertTrue(modem.calls("disconnect").isEmpty(), modem.calls().toString());
        assertEquals(List.of("apply(wwan0,10.9.8.7/29,mtu=0,metric=100)"), ip.calls);
        assertTrue(status.info().bearer().connected());
        assertEquals("internet", status.info().bearer().apn());
        assertEquals("10.9.8.7", status.info().bearer().ipv4().address());
        assertTrue(eventMessages().contains(BearerAdoption.ADOPTED), eventMessages().toString());
    }

    @Test
    void apnsCompareWithoutCase() {
        ModemSupervisor s = startedOnLiveBearer(config, new BearerSettings(LEFT_UP, null, "Internet"));

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(modem.calls("connect").isEmpty(), modem.calls().toString());
    }

    @Test
    void aBearerWhoseApnTheProtocolDoesNotTellIsAdopted() {
        ModemSupervisor s = startedOnLiveBearer(config, new BearerSettings(LEFT_UP, null));

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertTrue(modem.calls("connect").isEmpty(), modem.calls().toString());
        assertTrue(eventMessages().contains(BearerAdoption.ADOPTED), eventMessages().toString());
    }

    @Test
    void aLiveBearerOnAnotherApnIsReplacedByAConnect() {
        ModemSupervisor s = startedOnLiveBearer(Configs.withApn(config, "corp.apn"),
                new BearerSettings(LEFT_UP, null, "internet"));

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(List.of("connect(corp.apn,roaming=true)"), modem.calls("connect"));
        assertEquals(List.of("apply(wwan0,10.1.2.3/30,mtu=0,metric=100)"), ip.calls);
        assertTrue(!eventMessages().contains(BearerAdoption.ADOPTED), eventMessages().toString());
    }

    @Test
    void noBearerUpConnectsAsBefore() {
        ModemSupervisor s = startedOnLiveBearer(config, null);

        assertEquals(SupervisorState.CONNECTED, s.state());
        List<String> calls = modem.calls();
        assertTrue(calls.indexOf("bearerSettings") < calls.indexOf("connect(internet,roaming=true)"),
                calls.toString());
        assertTrue(!eventMessages().contains(BearerAdoption.ADOPTED), eventMessages().toString());
    }

    @Test
    void aModemThatCannotTellItsBearerIsConnected() {
        modem.failNext("bearerSettings", new ModemException(ModemException.Kind.UNSUPPORTED, "no such query"));
        ModemSupervisor s = startedOnLiveBearer(config, null);

        assertEquals(SupervisorState.CONNECTED, s.state());
        assertEquals(List.of("connect(internet,roaming=true)"), modem.calls("connect"));
    }
}
