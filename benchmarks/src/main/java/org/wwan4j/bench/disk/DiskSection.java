package org.wwan4j.bench.disk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wwan4j.bench.BenchContext;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.Section;
import org.wwan4j.bench.report.BenchReport;
import org.wwan4j.bench.report.Metric;
import org.wwan4j.bench.report.ReportKeys;

/**
 * What the agent costs on an edge image's disk: the minimal runtime of {@code scripts/runtime.sh} (jlink image and
 * start script) and the jars it runs, uncompressed ({@code du -sb}) and as {@code tar | gzip -9}. The image is built
 * under {@code benchmarks/target/bench/runtime} when missing or older than the command-line jar (the launcher has just
 * built the jars), with the JDK running the harness; without jlink every figure is missing with the script's reason.
 */
public final class DiskSection implements Section {

    private static final String IMAGE_DIRECTORY = "benchmarks/target/bench/runtime";
    private static final String CLI_JAR = "cli/target/wwan4j-cli.jar";
    private static final double BYTES_PER_KB = 1024.0;

    private final Path javaHome;
    private final Path imageDirectory;

    /** The image under the repository's {@code benchmarks/target/bench/runtime}, built with the harness's JDK. */
    public DiskSection() {
        this(Path.of(System.getProperty("java.home")), null);
    }

    /** {@code imageDirectory} null: the repository's; tests give their own, and a JDK without jlink. */
    DiskSection(Path javaHome, Path imageDirectory) {
        this.javaHome = javaHome;
        this.imageDirectory = imageDirectory;
    }

    @Override
    public String title() {
        return "disk";
    }

    @Override
    public String key() {
        return "disk";
    }

    @Override
    public boolean needsModems() {
        return false;
    }

    @Override
    public void run(BenchContext context, BenchReport report) {
        Path root = context.environment().root();
        try {
            RuntimeImage image = new RuntimeImage(imageDirectory != null ? imageDirectory
                    : root.resolve(IMAGE_DIRECTORY));
            if (image.olderThan(root.resolve(CLI_JAR))) {
                Files.createDirectories(image.directory());
                image = RuntimeImage.build(root, image.directory(), javaHome, false,
                        context.environment().log("runtime-image"));
            }
            Path directory = image.directory();
            long runtime = TreeSize.apparentBytes(List.of(image.jre(), image.bin()));
            long jars = TreeSize.apparentBytes(List.of(image.lib()));
            report.put(ReportKeys.DISK_RUNTIME_KB, kb(runtime));
            report.put(ReportKeys.DISK_JARS_KB, kb(jars));
            report.put(ReportKeys.DISK_TOTAL_KB, kb(TreeSize.apparentBytes(List.of(directory))));
            report.put(ReportKeys.DISK_RUNTIME_COMPRESSED_KB, kb(TreeSize.gzipBytes(directory, List.of("jre", "bin"))));
            report.put(ReportKeys.DISK_JARS_COMPRESSED_KB, kb(TreeSize.gzipBytes(directory, List.of("lib"))));
            report.note("disk: the runtime of scripts/runtime.sh in " + directory + " (" + modules(image)
                    + "); compressed = tar | gzip -9");
        } catch (Exception e) {
            Metric missing = Metric.missing(Failures.reason(e));
            for (String key : ReportKeys.DISK_KEYS) {
                report.putIfAbsent(key, missing);
            }
        }
    }

    /** The image's module list, from the release file jlink writes. */
    private static String modules(RuntimeImage image) {
        try {
            return Files.readAllLines(image.jre().resolve("release")).stream()
                    .filter(line -> line.startsWith("MODULES=")).findFirst()
                    .map(line -> "modules " + line.substring("MODULES=".length()).replace("\"", "").replace(' ', ','))
                    .orElse("modules unknown");
        } catch (java.io.IOException e) {
            return "modules unknown";
        }
    }

    private static Metric kb(long bytes) {
        return Metric.of(bytes / BYTES_PER_KB);
    }
}
