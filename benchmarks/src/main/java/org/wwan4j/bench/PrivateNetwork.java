package org.wwan4j.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the harness in a network namespace of its own when it may (root). qmi-proxy and mbim-proxy listen on
 * abstract unix sockets, which are per network namespace: on a shared machine another user's proxy would otherwise
 * hold the socket, and the harness's `-p` clients would be measured through a proxy it neither started nor can
 * account for. Nothing in the harness needs the network (ptys, a D-Bus socket file), so a private namespace changes
 * nothing else.
 */
final class PrivateNetwork {

    /** Set in the re-executed harness so it does not try again. */
    static final String MARKER = "WWAN4J_BENCH_PRIVATE_NET";

    private PrivateNetwork() {}

    static boolean alreadyInside() {
        return System.getenv(MARKER) != null;
    }

    /** Whether `unshare --net` works here (it needs root or user namespaces). */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("unshare", "--net", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs this same harness command under `unshare --net`, sharing stdin/stdout/stderr; returns its exit code. */
    static int reexec(BenchEnvironment environment, String[] args) throws Exception {
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "--",
                environment.javaBinary().toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", environment.classPath(), BenchMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(MARKER, "1");
        return builder.start().waitFor();
    }
}
