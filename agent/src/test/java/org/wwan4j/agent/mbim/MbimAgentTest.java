package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.daemon.Agent;
import org.wwan4j.agent.daemon.AgentEnvironment;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.supervisor.ExecutorScheduler;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.Configs;
import org.wwan4j.agent.testing.FixedRandom;
import org.wwan4j.agent.testing.RecordingIp;
import org.wwan4j.agent.testing.ScriptedProber;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.PowerState;

/**
 * The agent core's supervisor driving a real MbimModem against the emulator, on real threads and clocks: cold
 * start to connected, and radio silence on and off. IP settings go to a recording stand-in: no host changes.
 */
class MbimAgentTest {

    private final RecordingIp ip = new RecordingIp();
    private EmulatedModem emulator;
    private Agent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close(); // closes the supervisors, their modems and the schedulers it was given
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private ModemConfig start() {
        return start(EmulatorOptions.defaults(), new MbimModemFactory());
    }

    private ModemConfig start(EmulatorOptions options, MbimModemFactory factory) {
        emulator = EmulatedModem.start(EmulatedProtocol.MBIM, options.withTickInterval(Duration.ofMillis(200)));
        agent = new Agent(new AgentEnvironment(factory, List::of, ip, new ScriptedProber(),
                accessPoint -> Optional.empty(), key -> new ExecutorScheduler("test-" + key, Clock.systemUTC()), new FixedRandom(0.5), SupervisorSettings.DEFAULTS));
        // A configured path that sysfs does not list but that exists (the pty) is opened as configured.
        return Configs.modem("modem1", emulator.path().toString());
    }

    /** Waits (bounded) until the agent's status shows what the test expects of modem1. */
    private ModemStatus awaitModem(Predicate<ModemStatus> test) throws InterruptedException {
        long deadline = System.nanoTime() + EmulatedMbimModem.WAIT.multipliedBy(2).toNanos();
        ModemStatus last = null;
        while (System.nanoTime() < deadline) {
            AgentStatus status = agent.status();
            last = status.modems().stream().filter(m -> "modem1".equals(m.name())).findFirst().orElse(null);
            if (last != null && test.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("modem1 never reached the expected status; last: " + last);
    }

    @Test
    void coldStartReachesConnectedWithEveryStatusFieldFromTheModem() throws Exception {
        ModemConfig modem1 = start();
        agent.applyConfig(new AgentConfig(false, false, List.of(modem1)));
        agent.rediscover();

        ModemStatus status = awaitModem(m -> m.info().bearer() != null && m.info().bearer().connected()
                && m.info().signal() != null && m.info().registration() != null);
        ModemInfo info = status.info();
        assertEquals(HealthState.OK, status.health().state());
        assertNull(status.configError());
        assertEquals(org.wwan4j.agent.config.Protocol.MBIM, info.protocol());
        assertEquals(ModemDefaults.identity().imei(), info.identity().imei());
        assertEquals(Power.ONLINE, info.power());
        assertEquals(4, info.sims().size());
        assertEquals(SimState.PRESENT, info.sims().getFirst().state());
        assertEquals(SimState.INACTIVE, info.sims().get(1).state());
        assertEquals(SimState.ABSENT, info.sims().get(2).state());
        assertEquals(RegistrationState.HOME, info.registration().state());
        assertEquals("262", info.registration().mcc());
        assertEquals("07", info.registration().mnc());
        assertEquals(List.of(Rat.LTE), info.registration().rats());
        assertEquals(-65, info.signal().rssi());
        assertEquals(ModemDefaults.ipv4().address(), info.bearer().ipv4().address());
        assertEquals("internet", info.bearer().apn());
        assertNotNull(info.bearer().connectedAt());
        assertTrue(emulator.state().bearer().connected());
        assertTrue(ip.calls.contains("apply(wwan0," + ModemDefaults.ipv4().address() + "/"
                + ModemDefaults.ipv4().prefix() + ",mtu=0,metric=100)"), ip.calls.toString());
    }

    @Test
    void locationTrackingOnAModemCarryingQmiShowsAFixInStatus() throws Exception {
        // The default factory (direct): the port is opened through mbim-proxy because the config asks for location.
        ModemConfig modem1 = Configs.withLocation(start(EmulatorOptions.defaults().withQmiOverMbim(true),
                new MbimModemFactory()), true);
        agent.applyConfig(new AgentConfig(false, false, List.of(modem1)));
        agent.rediscover();

        ModemStatus status = awaitModem(m -> m.info().location() != null && m.info().bearer() != null
                && m.info().bearer().connected());
        assertEquals(emulator.state().position().latitude(), status.info().location().latitude(), 0.01);
        assertNotNull(status.info().location().utc());
        assertTrue(status.events().stream().noneMatch(e -> "location".equals(e.kind())), status.events()::toString);
    }

    @Test
    void locationTrackingOnAModemWithoutQmiIsOneStatusEvent() throws Exception {
        ModemConfig modem1 = Configs.withLocation(start(EmulatorOptions.defaults(),
                new MbimModemFactory().withProxy(true)), true);
        agent.applyConfig(new AgentConfig(false, false, List.of(modem1)));
        agent.rediscover();

        ModemStatus status = awaitModem(m -> m.events().stream().anyMatch(e -> "location".equals(e.kind())));
        assertEquals(1, status.events().stream().filter(e -> "location".equals(e.kind())).count(),
                status.events()::toString);
        assertTrue(status.events().stream().anyMatch(e -> e.message().contains("no QMI-over-MBIM service")),
                status.events()::toString);
        assertNull(status.info().location());
    }

    @Test
    void radioSilenceTurnsTheRadioOffAndLiftingItReconnects() throws Exception {
        ModemConfig modem1 = start();
        agent.applyConfig(new AgentConfig(false, false, List.of(modem1)));
        agent.rediscover();
        awaitModem(m -> m.info().bearer() != null && m.info().bearer().connected());

        agent.applyConfig(new AgentConfig(true, false, List.of(modem1)));
        ModemStatus silent = awaitModem(m -> m.info().power() == Power.LOW_POWER
                && (m.info().bearer() == null || !m.info().bearer().connected()));
        assertEquals(PowerState.LOW_POWER, emulator.state().power());
        assertFalse(emulator.state().bearer().connected());
        assertTrue(ip.calls.contains("remove(wwan0)"), ip.calls.toString());
        assertNotNull(silent);
        assertTrue(agent.status().radioSilence());

        agent.applyConfig(new AgentConfig(false, false, List.of(modem1)));
        awaitModem(m -> m.info().power() == Power.ONLINE && m.info().bearer() != null
                && m.info().bearer().connected());
        assertEquals(PowerState.ONLINE, emulator.state().power());
        assertTrue(emulator.state().bearer().connected());
    }
}
