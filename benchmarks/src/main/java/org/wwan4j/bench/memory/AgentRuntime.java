package org.wwan4j.bench.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.Failures;
import org.wwan4j.bench.disk.RuntimeImage;

/**
 * The runtime the standalone agent is measured on: the minimal runtime of {@code scripts/runtime.sh --cds} (jlink
 * image with its base class-data archive), as it is installed on a device. Its {@code libjvm.so}, modules and
 * archive are files of its own, so what the agent maps of them is its alone, as on a device where it is the only
 * JVM: run from the harness's JDK instead, it would share those pages with the harness and the emulators, and the
 * pages the quiet-time trim hands back would stay resident for them. Built under
 * {@code benchmarks/target/bench/runtime-cds} when missing or older than the command-line jar.
 */
public final class AgentRuntime {

    private static final String IMAGE_DIRECTORY = "benchmarks/target/bench/runtime-cds";
    private static final String CLI_JAR = "cli/target/wwan4j-cli.jar";

    /** The environment to measure the agent in, and what the report should say about it. */
    public record Choice(BenchEnvironment environment, String note) {
    }

    private AgentRuntime() {
    }

    public static Choice choose(BenchEnvironment harness) {
        Path root = harness.root();
        try {
            RuntimeImage image = new RuntimeImage(root.resolve(IMAGE_DIRECTORY));
            if (image.olderThan(root.resolve(CLI_JAR))) {
                Files.createDirectories(image.directory());
                Path javaHome = harness.javaBinary().toAbsolutePath().getParent().getParent();
                image = RuntimeImage.build(root, image.directory(), javaHome, true, harness.log("runtime-image-cds"));
            }
            return new Choice(harness.withJavaBinary(image.java()), "memory: the agent runs on the minimal runtime "
                    + "of scripts/runtime.sh --cds in " + image.directory() + " (files no other JVM maps); the JVM's "
                    + "own files count whole, system libraries by their share");
        } catch (Exception e) {
            return new Choice(harness, "memory: the agent runs on the harness's JDK, whose files the harness and "
                    + "emulators share (its figure is low by their share): the runtime image failed: "
                    + Failures.reason(e));
        }
    }
}
