package org.wwan4j.bench.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package of {@code scripts/package.sh}, installed into a scratch root ({@code dpkg -x}): what it
 * declares, that the installed {@code wwan4j} runs and its agent connects an emulated modem from the installed
 * files alone, and that the service unit passes {@code systemd-analyze verify}. The package is built once for the
 * class (jlink dominates: minutes on a busy machine). Skipped without dpkg-deb or a JDK with jlink.
 */
@Tag("slow")
class DebianPackageTest {

    /** jlink, stripping and dpkg-deb's xz; minutes only on a machine that is very busy. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    private static final String UNIT = "lib/systemd/system/wwan4j-agent.service";
    private static final Pattern EXEC_START = Pattern.compile("(?m)^ExecStart=(\\S+) agent (.*)$");

    @TempDir
    static Path dir;
    private static Path deb;
    private static Path root;

    @BeforeAll
    static void buildAndInstallIntoAScratchRoot() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assumeTrue(onPath("dpkg-deb"), "no dpkg-deb: the package cannot be built");
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/jlink")),
                "no jlink in " + javaHome + " (a JRE): the runtime cannot be built");
        Path out = dir.resolve("package");
        Path log = dir.resolve("package.log");
        ProcessBuilder build = new ProcessBuilder(RuntimeImageTest.repositoryRoot().resolve("scripts/package.sh")
                .toString(), "--no-build", out.toString());
        build.environment().put("JAVA_HOME", javaHome.toString());
        run(build, log, BUILD_TIMEOUT);
        System.out.print(Files.readString(out.resolve("sizes.txt")));
        deb = out.resolve("wwan4j.deb");
        root = Files.createDirectory(dir.resolve("root"));
        run(new ProcessBuilder("dpkg", "-x", deb.toString(), root.toString()), dir.resolve("dpkg-x.log"),
                TOOL_TIMEOUT);
    }

    @Test
    void dependsOnTheDebianLibqmiAndLibmbimRuntimePackages() throws Exception {
        List<String> depends = Arrays.stream(dpkgDeb("-f", deb.toString(), "Depends").split(","))
                .map(String::strip).toList();
        assertTrue(depends.containsAll(List.of("libqmi-glib5", "libmbim-glib4", "libglib2.0-0")), depends::toString);
        assertEquals("wwan4j", dpkgDeb("-f", deb.toString(), "Package"));
        assertEquals("/etc/wwan4j/agent.json", dpkgDeb("-I", deb.toString(), "conffiles"),
                "the config is a conffile: an upgrade keeps the user's edits");
    }

    @Test
    void installsTheLauncherTheUnitTheConfigAndTheExamples() throws IOException {
        assertEquals(root.resolve("usr/lib/wwan4j/bin/wwan4j").toRealPath(),
                root.resolve("usr/bin/wwan4j").toRealPath());
        assertTrue(Files.isRegularFile(root.resolve(UNIT)));
        assertTrue(Files.isRegularFile(root.resolve("etc/wwan4j/agent.json")));
        try (Stream<Path> examples = Files.list(root.resolve("usr/share/doc/wwan4j/examples"))) {
            assertEquals(4, examples.count());
        }
        Matcher exec = EXEC_START.matcher(Files.readString(root.resolve(UNIT)));
        assertTrue(exec.find(), "no ExecStart=... agent in the unit");
        assertEquals("/usr/bin/wwan4j", exec.group(1));
        assertTrue(exec.group(2).contains("--config /etc/wwan4j/agent.json"), exec.group(2));
    }

    @Test
    void theInstalledCommandRunsAndItsAgentConnectsAnEmulatedModem() throws Exception {
        Path installed = root.resolve("usr/bin/wwan4j");
        Path run = Files.createDirectory(dir.resolve("run"));
        EmulatedAgentRun.assertVersion(installed, run);
        EmulatedAgentRun.assertConnects(installed, root.resolve("usr/lib/wwan4j/jre/bin/java"), run);
    }

    /**
     * systemd-analyze resolves the unit's paths on this machine: the copy checked differs only in the ExecStart
     * program, pointed into the scratch root. Any warning (an unknown key, a bad value) fails the test.
     */
    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "no systemd-analyze on this machine: the unit file is not verified");
        Path unitDir = Files.createDirectory(dir.resolve("unit"));
        Path unit = unitDir.resolve("wwan4j-agent.service");
        String text = Files.readString(root.resolve(UNIT));
        Files.writeString(unit, text.replace("ExecStart=/usr/bin/wwan4j ",
                "ExecStart=" + root.resolve("usr/bin/wwan4j") + " "));
        Path log = dir.resolve("verify.log");
        run(new ProcessBuilder("systemd-analyze", "verify", unit.toString()), log, TOOL_TIMEOUT);
        assertEquals("", Files.readString(log).strip(), "systemd-analyze verify warned");
    }

    private static String dpkgDeb(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        Path log = dir.resolve("dpkg-deb.log");
        run(new ProcessBuilder(command), log, TOOL_TIMEOUT);
        return Files.readString(log).strip();
    }

    /** Runs to completion with its output in {@code log}; fails with the output unless it exits 0. */
    private static void run(ProcessBuilder builder, Path log, Duration timeout) throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(EmulatedAgentRun.EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new IOException(builder.command() + " did not finish within " + timeout.toSeconds() + " s");
        }
        assertEquals(0, process.exitValue(), () -> builder.command() + " failed:\n"
                + EmulatedAgentRun.read(log));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, program)));
    }
}
