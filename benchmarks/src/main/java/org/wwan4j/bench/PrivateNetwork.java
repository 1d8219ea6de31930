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
public final class PrivateNetwork {

    /** Set in the re-executed harness so it does not try again. */
    static final String MARKER = "WWAN4J_BENCH_PRIVATE_NET";
    /**
     * Set besides {@link #MARKER} when the harness also got a mount namespace of its own: only then may it mount
     * anything (the soak's /run and links, see org.wwan4j.bench.soak.SoakNetwork), as nobody else sees it.
     */
    static final String MOUNTS_MARKER = "WWAN4J_BENCH_PRIVATE_MOUNTS";

    private PrivateNetwork() {}

    /** Whether this harness runs in private network and mount namespaces, where nobody sees what it mounts. */
    public static boolean mountsArePrivate() {
        return alreadyInside() && System.getenv(MOUNTS_MARKER) != null;
    }

    static boolean alreadyInside() {
        return System.getenv(MARKER) != null;
    }

    /** Whether `unshare --net` works here (it needs root or user namespaces). */
    static boolean available() {
        return available(false);
    }

    /** As {@link #available()}, with a private mount namespace too when {@code mounts}. */
    static boolean available(boolean mounts) {
        try {
            Process probe = new ProcessBuilder(unshare(mounts, List.of("true")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs this same harness command under `unshare --net`, sharing stdin/stdout/stderr; returns its exit code. */
    static int reexec(BenchEnvironment environment, String[] args) throws Exception {
        return reexec(environment, args, false);
    }

    /**
     * As {@link #reexec(BenchEnvironment, String[])}, in a private mount namespace too when {@code mounts} (mounts
     * made there do not propagate back).
     */
    static int reexec(BenchEnvironment environment, String[] args, boolean mounts) throws Exception {
        List<String> harness = new ArrayList<>(List.of(environment.javaBinary().toString()));
        harness.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        harness.addAll(List.of("-cp", environment.classPath(), BenchMain.class.getName()));
        harness.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(unshare(mounts, harness)).inheritIO();
        builder.environment().put(MARKER, "1");
        if (mounts) {
            builder.environment().put(MOUNTS_MARKER, "1");
        }
        return builder.start().waitFor();
    }

    private static List<String> unshare(boolean mounts, List<String> command) {
        List<String> full = new ArrayList<>(mounts ? List.of("unshare", "--net", "--mount", "--propagation",
                "private", "--") : List.of("unshare", "--net", "--"));
        full.addAll(command);
        return full;
    }
}
