package org.wwan4j.bench.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bytes a set of directory trees takes on an image: uncompressed, as {@code du -sb} counts them (apparent sizes of
 * every file, directory and link, links not followed), and compressed, as {@code tar -cf - | gzip -9} of them
 * (what a download or a gzip-compressed image pays).
 */
public final class TreeSize {

    /** gzip -9 over tens of megabytes: seconds, bounded generously for a busy machine. */
    private static final Duration COMPRESS_TIMEOUT = Duration.ofMinutes(5);

    private TreeSize() {}

    /** The apparent size of every entry under each of {@code trees}, the trees themselves included. */
    public static long apparentBytes(List<Path> trees) throws IOException {
        long total = 0;
        for (Path tree : trees) {
            try (Stream<Path> entries = Files.walk(tree)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    total += Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
                }
            }
        }
        return total;
    }

    /** The size of {@code tar -C parent -cf - NAMES | gzip -9}, each tree named relative to {@code parent}. */
    public static long gzipBytes(Path parent, List<String> trees) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "set -o pipefail; dir=$1; shift; tar -C \"$dir\" -cf - \"$@\" | gzip -9 | wc -c", "bash",
                parent.toString()));
        command.addAll(trees);
        Path output = Files.createTempFile("wwan4j-tree-size-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(COMPRESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tar | gzip -9 did not finish within " + COMPRESS_TIMEOUT.toMinutes() + " min");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || !printed.matches("\\d+")) {
                throw new IOException("tar | gzip -9 failed: " + printed);
            }
            return Long.parseLong(printed);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
