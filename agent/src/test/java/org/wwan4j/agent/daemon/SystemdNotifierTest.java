package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.linux.DatagramReceiver;
import org.wwan4j.agent.testing.ManualScheduler;

/**
 * What systemd receives on a real datagram socket from a {@code Type=notify} agent with and without
 * {@code WatchdogSec=}; time is driven by hand, and the agent's thread is a queue the test runs.
 */
class SystemdNotifierTest {

    private static final long PID = 4242;
    /** A queued datagram arrives at once; the bound only matters on a very loaded machine. */
    private static final Duration RECEIVE_WAIT = Duration.ofSeconds(10);
    /** For asserting that nothing was sent: everything sent before is already queued on the socket. */
    private static final Duration NOTHING_WAIT = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private final ManualScheduler timer = new ManualScheduler();
    private final List<Runnable> agentQueue = new ArrayList<>();
    private final Executor agentThread = agentQueue::add;

    @Test
    void noNotifySocketMeansNotRunBySystemd() throws IOException {
        assertNull(SystemdNotifier.fromEnvironment(Map.of(), PID));
        assertNull(SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", ""), PID));
    }

    @Test
    void readyWithoutAWatchdogSendsReadyAndNothingElse() throws IOException {
        Path path = dir.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.bind(path)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()), PID);
            assertNull(notifier.watchdogTimeout());
            notifier.ready(null, agentThread);
            assertEquals("READY=1", systemd.receive(RECEIVE_WAIT));
            notifier.close();
            assertEquals("STOPPING=1", systemd.receive(RECEIVE_WAIT));
            assertNull(systemd.receive(NOTHING_WAIT));
        }
    }

    @Test
    void pingsAtHalfTheWatchdogTimeoutFromTheAgentsThreadUntilClosed() throws IOException {
        Path path = dir.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.bind(path)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString(),
                    "WATCHDOG_USEC", "20000000", "WATCHDOG_PID", Long.toString(PID)), PID);
            assertEquals(Duration.ofSeconds(20), notifier.watchdogTimeout());
            notifier.ready(timer, agentThread);
            assertEquals("READY=1", systemd.receive(RECEIVE_WAIT));

            timer.advance(Duration.ofSeconds(9));
            assertEquals(0, agentQueue.size(), "no ping before half the timeout");
            timer.advance(Duration.ofSeconds(1));
            assertNull(systemd.receive(NOTHING_WAIT), "the timer only queues the ping on the agent's thread");
            runAgentThread();
            assertEquals("WATCHDOG=1", systemd.receive(RECEIVE_WAIT));

            timer.advance(Duration.ofSeconds(10));
            runAgentThread();
            assertEquals("WATCHDOG=1", systemd.receive(RECEIVE_WAIT));

            timer.advance(Duration.ofSeconds(10));
            notifier.close(); // a ping queued but not yet run when the agent stops is dropped
            runAgentThread();
            timer.advance(Duration.ofSeconds(60));
            runAgentThread();
            assertEquals("STOPPING=1", systemd.receive(RECEIVE_WAIT));
            assertNull(systemd.receive(NOTHING_WAIT));
        }
    }

    @Test
    void aWedgedAgentThreadStopsThePings() throws IOException {
        Path path = dir.resolve("notify");
        try (DatagramReceiver systemd = DatagramReceiver.bind(path)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString(),
                    "WATCHDOG_USEC", "2000000"), PID);
            notifier.ready(timer, agentThread);
            assertEquals("READY=1", systemd.receive(RECEIVE_WAIT));
            timer.advance(Duration.ofSeconds(30)); // the agent's thread never runs what is queued
            assertNull(systemd.receive(NOTHING_WAIT));
            assertEquals(1, agentQueue.size(), "one ping waits; the next is scheduled only once it was sent");
            notifier.close();
        }
    }

    @Test
    void theWatchdogOfAnotherProcessOrAnInvalidValueIsIgnored() {
        assertNull(SystemdNotifier.watchdogTimeout(Map.of("WATCHDOG_USEC", "2000000", "WATCHDOG_PID", "1"), PID));
        assertNull(SystemdNotifier.watchdogTimeout(Map.of("WATCHDOG_USEC", "soon"), PID));
        assertNull(SystemdNotifier.watchdogTimeout(Map.of("WATCHDOG_USEC", "0"), PID));
        assertEquals(Duration.ofMillis(2500), SystemdNotifier.watchdogTimeout(Map.of("WATCHDOG_USEC", "2500000"), PID));
    }

    private void runAgentThread() {
        List<Runnable> tasks = new ArrayList<>(agentQueue);
        agentQueue.clear();
        tasks.forEach(Runnable::run);
    }
}
