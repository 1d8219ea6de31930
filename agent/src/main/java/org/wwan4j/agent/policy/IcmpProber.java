package org.wwan4j.agent.policy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One ICMP echo through the interface, via {@code ping -I iface -c 1 -W 5 host}: Java has no raw sockets, and the
 * setuid/capability-aware ping is on every target system. The process is bounded and killed if it overruns.
 */
public final class IcmpProber implements Prober {

    public static final String DEFAULT_HOST = "8.8.8.8";
    /** ping's own reply wait (-W). */
    public static final int REPLY_WAIT_SECONDS = 5;
    /** Bound on the whole process, above ping's own wait. */
    static final Duration PROCESS_BOUND = Duration.ofSeconds(REPLY_WAIT_SECONDS + 5);

    private final String command;
    private final String host;

    /** @param command the ping executable ("ping" in production; tests give a script) */
    public IcmpProber(String command, String host) {
        this.command = command;
        this.host = host;
    }

    public IcmpProber(String host) {
        this("ping", host);
    }

    List<String> commandLine(String interfaceName) {
        return List.of(command, "-I", interfaceName, "-c", "1", "-W", Integer.toString(REPLY_WAIT_SECONDS), host);
    }

    @Override
    public Optional<String> probe(String interfaceName, InetAddress source) {
        Process process = null;
        try {
            process = new ProcessBuilder(commandLine(interfaceName)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(PROCESS_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of("ping " + host + ": no answer within " + PROCESS_BOUND.toSeconds() + " s");
            }
            int exit = process.exitValue();
            return exit == 0 ? Optional.empty() : Optional.of("ping " + host + ": no reply (exit " + exit + ")");
        } catch (IOException e) {
            return Optional.of("ping " + host + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("ping " + host + ": interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return "icmp " + host;
    }
}
