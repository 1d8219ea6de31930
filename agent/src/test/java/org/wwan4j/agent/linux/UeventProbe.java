package org.wwan4j.agent.linux;

import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs inside a network namespace made by {@link UeventListenerTest}: listens for net uevents, creates a veth
 * pair there (the kernel tells only that namespace's listeners), and prints the events it saw.
 */
public final class UeventProbe {

    private UeventProbe() {
    }

    public static void main(String[] args) throws Exception {
        LinkedBlockingQueue<Uevent> events = new LinkedBlockingQueue<>();
        try (UeventListener _ = UeventListener.start(Set.of("net"), events::add)) {
            Process ip = new ProcessBuilder("ip", "link", "add", "wwan7", "type", "veth", "peer", "name", "wwan7p")
                    .inheritIO().start();
            if (!ip.waitFor(10, TimeUnit.SECONDS) || ip.exitValue() != 0) {
                throw new IllegalStateException("ip link add failed");
            }
            // The pair gives two adds (wwan7, wwan7p) in either order; stop once wwan7's is seen, or after 10 s.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                Uevent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null) {
                    System.out.println("UEVENT " + event.action() + " " + event.subsystem() + " " + event.interfaceName());
                    seen = "add".equals(event.action()) && "wwan7".equals(event.interfaceName());
                }
            }
        }
    }
}
