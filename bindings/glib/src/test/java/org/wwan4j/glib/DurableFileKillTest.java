package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a process in the middle of rewriting a file, at random points: the file always holds one whole version,
 * the last one or the one before (never torn, never gone once it existed), and the only other file ever beside it
 * are the one fixed temporary file and the lock file.
 */
@Tag("slow")
class DurableFileKillTest {

    /** Child JVMs started and killed; each costs a JVM start-up, which bounds the test's length. */
    private static final int ROUNDS = 25;
    /** Most kills land while the child rewrites in a loop; these are how long after its first write, at most. */
    private static final int MAX_KILL_DELAY_WHILE_REWRITING_MS = 40;
    /** The other kills land anywhere in start-up and the first write. */
    private static final int MAX_KILL_DELAY_FROM_START_MS = 400;

    @TempDir
    Path dir;

    @Test
    // A hung child, not a slow machine: the rounds take seconds. A separate thread, as a pipe read ignores interrupts.
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriterKilledAtRandomPointsLeavesOneWholeVersionAndOneTemporaryFileAtMost() throws Exception {
        Path target = dir.resolve("state/qmi-cids_dev_cdc-wdm0");
        Set<Path> allowed = Set.of(target, DurableFile.temporaryFileOf(target), DurableFile.lockFileOf(target));
        long seed = new Random().nextLong();
        System.out.println("DurableFileKillTest seed " + seed);
        Random random = new Random(seed);
        long generation = 0;
        int killsWhileRewriting = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean whileRewriting = round == 0 || random.nextInt(4) != 0;
            Process child = startRewriter(target);
            try {
                if (whileRewriting) {
                    awaitFirstWrite(child);
                }
                // The random kill point, not a wait for something to happen.
                Thread.sleep(random.nextInt(whileRewriting ? MAX_KILL_DELAY_WHILE_REWRITING_MS
                        : MAX_KILL_DELAY_FROM_START_MS));
            } finally {
                child.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks in the child
                child.waitFor();
            }
            if (child.exitValue() != 137) {
                fail("round " + round + " (seed " + seed + "): the child ended by itself, exit "
                        + child.exitValue() + ": " + output(child));
            }

            long found = wholeVersionIn(target, round, seed);
            assertTrue(found >= generation, "round " + round + " went back from generation " + generation
                    + " to " + found + " (seed " + seed + ")");
            if (whileRewriting) {
                assertTrue(found > generation, "the child's first write is on disk (round " + round + ")");
                killsWhileRewriting++;
            }
            generation = found;
            Set<Path> present = entries(target.getParent());
            assertTrue(allowed.containsAll(present), "round " + round + " left " + present);
        }
        System.out.println("DurableFileKillTest: " + ROUNDS + " kills (" + killsWhileRewriting
                + " while rewriting), generation " + generation + " at the end");

        DurableFile.write(target, DurableFileRewriter.version(generation + 1), DurableFile.OWNER_ONLY);
        assertEquals(Set.of(target, DurableFile.lockFileOf(target)), entries(target.getParent()),
                "a leftover is reused and renamed away");
    }

    private static long wholeVersionIn(Path target, int round, long seed) throws IOException {
        try {
            return DurableFileRewriter.generationOf(Files.readAllBytes(target));
        } catch (IllegalArgumentException | NoSuchFileException e) {
            throw new AssertionError("round " + round + " (seed " + seed + "): " + target + " " + e.getMessage(), e);
        }
    }

    private static Process startRewriter(Path target) throws IOException {
        // The file's directory is created by the first write in the child: that is killed at random points too.
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DurableFileRewriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
    }

    private static void awaitFirstWrite(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!DurableFileRewriter.WRITTEN.equals(line)) {
            fail("the child did not write: " + line + "\n" + output(child));
        }
    }

    private static String output(Process child) {
        try {
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Set<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }
}
