package org.wwan4j.agent.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.supervisor.IpConfigurator;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/**
 * The real agent daemon (config file, device-path watch, supervisors, status file) over the real QMI and MBIM
 * stacks for the hot-plug loop: every Linux root in a temp dir, no uevents, IP settings only counted (a list of
 * recorded calls would itself grow with every cycle and blur the heap figure). State events are queued as they
 * happen, so a cycle can check how an unplug was noticed even when later events have pushed it out of the few
 * the status keeps.
 */
final class HotPlugAgent implements AutoCloseable {

    /** Generous: two cores shared with other builds; the test reports times, it does not assert them. */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The config name of the one modem. */
    static final String MODEM = "m1";
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final AgentDaemon daemon;
    private final CountingIp ip;
    private final BlockingQueue<StatusEvent> stateEvents = new LinkedBlockingQueue<>();
    private final Object published = new Object();

    private HotPlugAgent(AgentDaemon daemon, CountingIp ip) {
        this.daemon = daemon;
        this.ip = ip;
    }

    /** Starts the agent on one modem matched by {@code device}; the settings keep the agent's production periods. */
    static HotPlugAgent start(Path dir, Path device, Protocol protocol) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"modems\": [{\"name\": \"" + MODEM + "\", \"match\": {\"device\": \"" + device
                + "\"}, \"protocol\": \"" + protocol.name().toLowerCase(java.util.Locale.ROOT) + "\","
                + " \"interface\": \"emu0\", \"accessPoint\": {\"apn\": \"internet\"},"
                + " \"probe\": {\"method\": \"none\"}}]}");
        for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        AgentOptions options = new AgentOptions(config, dir.resolve("status.json"), null, dir.resolve("state"), null,
                dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false, SupervisorSettings.DEFAULTS, false);
        ModemFactories factories = ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(dir.resolve("state")))
                .register(Protocol.MBIM, new MbimModemFactory(dir.resolve("state")))
                .build();
        CountingIp ip = new CountingIp();
        HotPlugAgent agent = new HotPlugAgent(AgentDaemon.start(options, factories, ip), ip);
        agent.daemon.agent().addListener(agent.new Recorder());
        return agent;
    }

    /** Hands status and state events from the agent's thread to the test thread. */
    private final class Recorder implements AgentListener {
        @Override
        public void statusChanged(AgentStatus status) {
            synchronized (published) {
                published.notifyAll();
            }
        }

        @Override
        public void event(String modem, StatusEvent event) {
            if ("state".equals(event.kind())) {
                stateEvents.add(event);
            }
        }
    }

    /** Forgets the state events seen so far (call right before the step whose events matter). */
    void forgetEvents() {
        stateEvents.clear();
    }

    /** The first state event from now on whose message matches, within {@link #WAIT}. */
    StatusEvent awaitStateEvent(String what, Predicate<String> message) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            StatusEvent event = stateEvents.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no state event " + what + " within " + WAIT + "; status: " + modem());
            }
            if (message.test(event.message())) {
                return event;
            }
        }
    }

    /** The modem's status now (null before the first publication). */
    ModemStatus modem() {
        AgentStatus status = daemon.agent().status();
        return status.modems().isEmpty() ? null : status.modems().get(0);
    }

    /** Waits, woken by every published status, until the modem's status satisfies the condition. */
    ModemStatus awaitModem(String what, Predicate<ModemStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ModemStatus current = modem();
            if (current != null && condition.test(current)) {
                return current;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; last status: " + current);
            }
            synchronized (published) {
                // The timeout only bounds the wait for a publication that never comes.
                published.wait(Math.max(1, Math.min(left / NANOS_PER_MILLI, 1000)));
            }
        }
    }

    int ipApplied() {
        return ip.applied.get();
    }

    @Override
    public void close() {
        daemon.close();
    }

    /** Counts IP changes without keeping them. */
    private static final class CountingIp implements IpConfigurator {
        final AtomicInteger applied = new AtomicInteger();

        @Override
        public void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric) {
            applied.incrementAndGet();
        }

        @Override
        public void remove(String interfaceName) {
        }
    }
}
