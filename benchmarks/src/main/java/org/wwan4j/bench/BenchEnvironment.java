package org.wwan4j.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where things are: the repository root (for native/target), a scratch directory for this run (stderr logs, sample
 * files, configs), the Java binary and class path to start child JVMs with, and the launcher's JVM flags.
 */
public record BenchEnvironment(Path root, Path scratch, Path javaBinary, String classPath) {

    /** The launcher's small-footprint flags, read from the file the launcher reads (scripts/jvm-flags). */
    public static final List<String> LAUNCHER_FLAGS = readFlags(findRoot().resolve("scripts/jvm-flags"));
    /** The flags the launcher adds for the long-running agent only (scripts/agent-jvm-flags), after its own. */
    public static final List<String> AGENT_FLAGS = readFlags(findRoot().resolve("scripts/agent-jvm-flags"));
    /** The environment ./wwan4j exports for the JVM: two glibc malloc arenas instead of one per thread's core. */
    public static final Map<String, String> LAUNCHER_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * Extra JVM flags for the measured Java processes (host JVM, agent), appended after the launcher's: for trying
     * a footprint or latency lever side by side without editing the launcher, e.g.
     * {@code -Dwwan4j.bench.jvmFlags="-Xmn4m -XX:-UsePerfData"}, or through the launcher (which splits
     * {@code WWAN4J_JAVA_OPTS} on spaces) {@code WWAN4J_BENCH_JVM_FLAGS="-Xmn4m -XX:-UsePerfData"}. Empty by default;
     * a run with it says so in its notes.
     */
    public static final String EXTRA_FLAGS_PROPERTY = "wwan4j.bench.jvmFlags";
    /** The environment variable read when the property is not set. */
    public static final String EXTRA_FLAGS_ENV = "WWAN4J_BENCH_JVM_FLAGS";

    /** The extra flags as given ({@link #EXTRA_FLAGS_PROPERTY}, else {@link #EXTRA_FLAGS_ENV}), or "". */
    public static String extraFlags() {
        String env = System.getenv(EXTRA_FLAGS_ENV);
        return System.getProperty(EXTRA_FLAGS_PROPERTY, env == null ? "" : env).trim();
    }

    private static final String ROOT_PROPERTY = "wwan4j.root";
    private static final String ROOT_ENV = "WWAN4J_ROOT";

    public static BenchEnvironment discover() throws IOException {
        return withScratch(Files.createTempDirectory("wwan4j-bench-"));
    }

    /** For the launcher step that only re-executes the harness (see PrivateNetwork): no scratch directory. */
    static BenchEnvironment withoutScratch() {
        return withScratch(null);
    }

    private static BenchEnvironment withScratch(Path scratch) {
        Path javaBinary = Path.of(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        return new BenchEnvironment(findRoot(), scratch, javaBinary, System.getProperty("java.class.path"));
    }

    /** -Dwwan4j.root, else $WWAN4J_ROOT, else two levels above the jar (benchmarks/target/x.jar), else the cwd. */
    private static Path findRoot() {
        String configured = System.getProperty(ROOT_PROPERTY, System.getenv(ROOT_ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path code = Path.of(BenchEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = code.getParent().getParent().getParent(); // benchmarks/target/x.jar or .../classes
            if (Files.isDirectory(candidate.resolve("native"))) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /** One flag per line; '#' starts a comment. A missing file fails loudly: measuring other flags would mislead. */
    static List<String> readFlags(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the launcher's JVM flags from " + file, e);
        }
    }

    /** The same bench, with the measured processes run by another {@code java} (a runtime image's). */
    public BenchEnvironment withJavaBinary(Path java) {
        return new BenchEnvironment(root, scratch, java, classPath);
    }

    /** The launcher's flags plus {@link #EXTRA_FLAGS_PROPERTY}, as the measured Java processes get them. */
    public static List<String> measuredJvmFlags() {
        return withExtraFlags(LAUNCHER_FLAGS);
    }

    /**
     * The flags of a measured {@code wwan4j agent} process: the launcher's, the agent's own, then the extra ones (so
     * {@code WWAN4J_BENCH_JVM_FLAGS=-Xmixed} measures the agent with the JIT again).
     */
    public static List<String> measuredAgentJvmFlags() {
        List<String> flags = new java.util.ArrayList<>(LAUNCHER_FLAGS);
        flags.addAll(AGENT_FLAGS);
        return withExtraFlags(flags);
    }

    private static List<String> withExtraFlags(List<String> base) {
        List<String> flags = new java.util.ArrayList<>(base);
        String extra = extraFlags();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }
        return flags;
    }

    public Path qmiBaseline() {
        return root.resolve("native/target/qmi-baseline");
    }

    public Path mbimBaseline() {
        return root.resolve("native/target/mbim-baseline");
    }

    /** The same MBIM client built as a library, its main() exported as wwan4j_mbim_baseline_main. */
    public Path mbimBaselineLibrary() {
        return root.resolve("native/target/libwwan4j-mbim-baseline.so");
    }

    /** A file for a child's stderr, named after what it is, kept for diagnosis in the scratch directory. */
    public Path log(String name) {
        return scratch.resolve(name + ".stderr");
    }
}
