package org.wwan4j.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The baselines' --samples format: one latency in microseconds (decimal) per line. */
public final class SampleFile {

    private SampleFile() {}

    public static long[] parseMicrosAsNanos(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty())
                .mapToLong(line -> Math.round(Double.parseDouble(line) * 1_000.0)).toArray();
    }

    public static long[] readMicrosAsNanos(Path file) throws IOException {
        return parseMicrosAsNanos(Files.readAllLines(file));
    }
}
