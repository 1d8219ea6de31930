package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.linux.NotifySocket;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * Tells systemd how the agent run by a {@code Type=notify} unit is doing: {@code READY=1} once the daemon runs,
 * {@code WATCHDOG=1} at half the unit's {@code WatchdogSec=}, {@code STOPPING=1} on the way out.
 *
 * <p>Each ping is sent from the agent's own thread (the timer only queues it there), so an agent whose thread is
 * wedged stops pinging and systemd restarts it. A stuck modem does not stop the pings: restarting the agent does not
 * help a stuck modem, and the ladder's last step is the watchdog file (a device reboot), not this.
 */
public final class SystemdNotifier implements AutoCloseable {

    public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    public static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    public static final String WATCHDOG_PID = "WATCHDOG_PID";

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    private final NotifySocket socket;
    private final Duration watchdogTimeout;
    private Scheduler timer;
    private Scheduler.Timer nextPing;
    private boolean failing;
    private boolean closed;

    private SystemdNotifier(NotifySocket socket, Duration watchdogTimeout) {
        this.socket = socket;
        this.watchdogTimeout = watchdogTimeout;
    }

    /**
     * The notifier for a process started by systemd with {@code NotifyAccess=} and maybe {@code WatchdogSec=}, or
     * null when {@code environment} names no notify socket (not run by systemd, or a unit of another type).
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> environment, long pid) throws IOException {
        String address = environment.get(NOTIFY_SOCKET);
        if (address == null || address.isEmpty()) {
            return null;
        }
        return new SystemdNotifier(NotifySocket.open(address), watchdogTimeout(environment, pid));
    }

    /** systemd's watchdog timeout for this process, or null: none asked for, or asked of another process. */
    static Duration watchdogTimeout(Map<String, String> environment, long pid) {
        String micros = environment.get(WATCHDOG_USEC);
        String forPid = environment.get(WATCHDOG_PID);
        if (micros == null || forPid != null && !forPid.equals(Long.toString(pid))) {
            return null;
        }
        try {
            long value = Long.parseLong(micros);
            return value > 0 ? Duration.ofNanos(Math.multiplyExact(value, 1000L)) : null;
        } catch (NumberFormatException | ArithmeticException e) {
            LOG.warn("ignoring {}={}: not a number of microseconds", WATCHDOG_USEC, micros);
            return null;
        }
    }

    /** The unit's {@code WatchdogSec=}, or null when the watchdog is off. */
    public Duration watchdogTimeout() {
        return watchdogTimeout;
    }

    /**
     * Sends {@code READY=1}, then, with a watchdog, {@code WATCHDOG=1} every half timeout: {@code timer} (needed only
     * with a watchdog; closed with this notifier when closeable) schedules each ping and {@code agentThread} sends it.
     */
    public void ready(Scheduler timer, Executor agentThread) {
        send("READY=1");
        if (watchdogTimeout == null) {
            LOG.info("told systemd the agent is ready");
            return;
        }
        Duration interval = watchdogTimeout.dividedBy(2);
        LOG.info("told systemd the agent is ready; watchdog pings every {} ms", interval.toMillis());
        synchronized (this) {
            this.timer = timer;
        }
        schedulePing(interval, agentThread);
    }

    private synchronized void schedulePing(Duration interval, Executor agentThread) {
        if (closed) {
            return;
        }
        nextPing = timer.schedule(interval, () -> agentThread.execute(() -> ping(interval, agentThread)));
    }

    private synchronized void ping(Duration interval, Executor agentThread) {
        if (!closed) {
            send("WATCHDOG=1");
            schedulePing(interval, agentThread);
        }
    }

    private synchronized void send(String message) {
        try {
            socket.send(message);
            if (failing) {
                LOG.info("systemd notify socket works again");
                failing = false;
            }
        } catch (IOException e) {
            // Logged once per failing streak, not every ping.
            if (!failing) {
                LOG.warn("cannot notify systemd ({}): {}", message, e.getMessage());
                failing = true;
            }
        }
    }

    /** Sends {@code STOPPING=1} and stops the pings. */
    @Override
    public void close() {
        Scheduler closingTimer;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (nextPing != null) {
                nextPing.cancel();
            }
            closingTimer = timer;
            send("STOPPING=1");
            socket.close();
        }
        if (closingTimer instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the systemd ping timer: {}", e.toString());
            }
        }
    }
}
