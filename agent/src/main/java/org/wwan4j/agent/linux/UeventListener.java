package org.wwan4j.agent.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to kernel uevents (hot-plug) on a netlink socket and hands those of the chosen subsystems to a
 * listener on its own daemon thread. The thread sleeps in poll() until a uevent arrives: {@link #close()} wakes it
 * through the socket's eventfd, so an idle agent is not woken periodically. The thread owns the socket and closes
 * it on the way out.
 *
 * <p>Uevents can be lost (the kernel drops them when the socket buffer is full, e.g. during a USB storm): the
 * listener is then told so, and should rediscover from sysfs, which is always the truth.
 */
public final class UeventListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UeventListener.class);

    /** The kernel's multicast group for uevents (udev's is 2). */
    static final int KERNEL_GROUP = 1;
    /** How long one wait lasts at most: a safety net only, close() ends the wait at once. */
    static final Duration POLL_INTERVAL = Duration.ofMinutes(10);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    /** The subsystems of modem control ports and their network interfaces. */
    public static final Set<String> MODEM_SUBSYSTEMS = Set.of("usbmisc", "wwan", "net");

    /** Called on the listener thread; keep it short. */
    public interface Listener {
        void onUevent(Uevent event);

        /** Events were dropped by the kernel; state must be re-read from sysfs. */
        default void onEventsLost() {
        }
    }

    private final NetlinkSocket socket;
    private final Set<String> subsystems;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean closed;

    private UeventListener(NetlinkSocket socket, Set<String> subsystems, Listener listener) {
        this.socket = socket;
        this.subsystems = Set.copyOf(subsystems);
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("uevent-listener").daemon().unstarted(this::run);
    }

    /** Opens the socket (fails here, not later, if netlink is unavailable) and starts listening. */
    public static UeventListener start(Set<String> subsystems, Listener listener) throws IOException {
        UeventListener uevents = new UeventListener(
                NetlinkSocket.open(NetlinkSocket.NETLINK_KOBJECT_UEVENT, KERNEL_GROUP), subsystems, listener);
        uevents.thread.start();
        return uevents;
    }

    private void run() {
        try {
            while (!closed) {
                byte[] datagram;
                try {
                    datagram = socket.receive(POLL_INTERVAL);
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                    LOG.warn("uevents: {}", e.getMessage());
                    safely(listener::onEventsLost);
                    Thread.sleep(ERROR_PAUSE);
                    continue;
                }
                if (datagram != null) {
                    Uevent.parse(datagram, datagram.length)
                            .filter(event -> subsystems.contains(event.subsystem()))
                            .ifPresent(event -> safely(() -> listener.onUevent(event)));
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            socket.close();
        }
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("uevent listener failed: {}", e.toString(), e);
        }
    }

    /** Whether the thread is still running (false after close). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        socket.wakeUp();
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOG.warn("uevent listener did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
