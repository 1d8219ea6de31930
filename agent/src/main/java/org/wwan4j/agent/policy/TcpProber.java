package org.wwan4j.agent.policy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens a TCP connection to host:port from the bearer's address. Binding the source address makes the kernel
 * pick the route through the modem wherever source routing exists (EVE sets it up per uplink).
 */
public final class TcpProber implements Prober {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final InetSocketAddress target;
    private final Duration timeout;

    public TcpProber(InetSocketAddress target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> probe(String interfaceName, InetAddress source) {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(target, (int) timeout.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("tcp " + describe() + ": " + e.getMessage());
        }
    }

    private String describe() {
        return target.getHostString() + ":" + target.getPort();
    }

    @Override
    public String toString() {
        return "tcp " + describe();
    }
}
