package org.wwan4j.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.wwan4j.bench.PrivateNetwork;
import org.wwan4j.emulator.model.ModemDefaults;

/**
 * A data path the agent's default connectivity probe can use, made only inside the soak's own network and mount
 * namespaces ({@link PrivateNetwork#mountsArePrivate()}); nothing outside them changes.
 * The emulator has no data path, so without this the probe fails and the agent reconnects every probe interval,
 * a fault scenario rather than a healthy hour. Here:
 * <ul>
 *   <li>a tmpfs over /run: the agent writes its resolv file under the fixed /run/wwan/resolv.conf;</li>
 *   <li>{@value #INTERFACE}, a veth whose peer holds the emulated network's DNS server addresses: the agent applies
 *       the bearer's address, route and MTU to it over rtnetlink as it would to a modem's interface;</li>
 *   <li>{@link DnsAnswers} at those servers: the probe's first step (a DNS query from the bearer's address to the
 *       network's servers) gets its answer, as from a healthy network.</li>
 * </ul>
 */
final class SoakNetwork implements AutoCloseable {

    /** The interface the soak's config names for the modem. */
    static final String INTERFACE = "wwan0";
    private static final String PEER = INTERFACE + "p";
    private static final long COMMAND_BOUND_SECONDS = 10;

    private final DnsAnswers answers;
    private final List<String> servers;

    private SoakNetwork(DnsAnswers answers, List<String> servers) {
        this.answers = answers;
        this.servers = servers;
    }

    /** Whether the harness runs in namespaces of its own, where it may mount and add links. */
    static boolean possible() {
        return PrivateNetwork.mountsArePrivate();
    }

    /** Sets the network up; call only when {@link #possible()}. */
    static SoakNetwork start() throws IOException, InterruptedException {
        if (!possible()) {
            throw new IllegalStateException("not in the soak's private namespaces");
        }
        List<String> servers = ModemDefaults.ipv4().dns();
        run("mount", "-t", "tmpfs", "wwan4j-soak-run", "/run");
        run("ip", "link", "set", "lo", "up");
        run("ip", "link", "add", INTERFACE, "type", "veth", "peer", "name", PEER);
        run("ip", "link", "set", PEER, "up");
        for (String server : servers) {
            run("ip", "address", "add", server + "/32", "dev", PEER);
        }
        return new SoakNetwork(DnsAnswers.at(servers), servers);
    }

    List<String> servers() {
        return servers;
    }

    /** DNS queries answered so far: the probes that reached the network. */
    long answered() {
        return answers.answered();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(COMMAND_BOUND_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }

    /** Stops answering; the namespaces (links, mount) go with the harness process. */
    @Override
    public void close() {
        answers.close();
    }
}
