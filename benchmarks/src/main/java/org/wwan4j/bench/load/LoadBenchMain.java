package org.wwan4j.bench.load;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wwan4j bench --load [MINUTES] [--json]}: eight emulated modems (four QMI, four MBIM) each sending 100 signal
 * indications a second to one agent for MINUTES (default 10). The figures go to stdout, progress to stderr.
 */
@Command(name = "bench --load", mixinStandardHelpOptions = true,
        description = "Load: 8 emulated modems x 100 indications/s into one agent; backlog, heap, status writes, CPU.")
public final class LoadBenchMain implements Callable<Integer> {

    static final int DEFAULT_MINUTES = 10;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MINUTES", defaultValue = "" + DEFAULT_MINUTES,
            description = "Length of the storm in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs with the arguments after {@code --load}; the exit code. */
    public static int run(String[] args) {
        return new CommandLine(new LoadBenchMain()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0)) {
            System.err.println("bench --load: MINUTES must be positive, got " + minutes);
            return 2;
        }
        Duration storm = Duration.ofMillis(Math.round(minutes * 60_000));
        Path dir = Files.createTempDirectory("wwan4j-load-");
                LoadFigures figures;
        try {
            figures = new LoadRun(storm, System.err).run(dir);
        } finally {
            deleteTree(dir);
        }
        System.out.print(json ? JSON.std.asString(figures.toJson()) + System.lineSeparator() : figures.toText());
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
