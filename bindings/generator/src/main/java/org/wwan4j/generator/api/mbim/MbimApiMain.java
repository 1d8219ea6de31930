package org.wwan4j.generator.api.mbim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.emit.SourceTree;
import org.wwan4j.generator.gir.GirReader;
import org.wwan4j.generator.model.Namespace;

/**
 * Generates the idiomatic MBIM API ({@code org.wwan4j.mbim}) from Mbim-1.0.gir:
 * {@code MbimApiMain --gir Mbim-1.0.gir --output DIR}. Prints per-service coverage (what was emitted and skipped).
 * Exit status 2 for bad arguments, 1 for I/O failures.
 */
public final class MbimApiMain {

    private MbimApiMain() {
    }

    public static void main(String[] args) {
        Path gir = null;
        Path output = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gir" -> gir = Path.of(args[i + 1]);
                case "--output" -> output = Path.of(args[i + 1]);
                default -> {
                    System.err.println("wwan4j-mbim-api: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (gir == null || output == null || args.length % 2 != 0) {
            System.err.println("usage: MbimApiMain --gir Mbim-1.0.gir --output DIR");
            System.exit(2);
        }
        try {
            run(gir, output, System.out);
        } catch (IOException e) {
            System.err.println("wwan4j-mbim-api: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Generates into {@code output}; returns the coverage of each service. */
    public static List<String> run(Path gir, Path output, PrintStream log) throws IOException {
        Namespace namespace = GirReader.read(gir);
        MbimApiGenerator generator = new MbimApiGenerator(namespace);
        List<SourceFile> files = generator.generate();
        Path dir = SourceTree.write(output, MbimApiGenerator.TARGET_PACKAGE, files);
        List<String> lines = new ArrayList<>();
        for (MbimCoverage coverage : generator.coverage()) {
            lines.add(coverage.line());
        }
        log.println("wwan4j-mbim-api: " + files.size() + " files in " + dir);
        lines.forEach(line -> log.println("  " + line));
        log.println("  " + generator.totals());
        for (MbimCoverage coverage : generator.coverage()) {
            if (!coverage.skipped.isEmpty()) {
                log.println("  skipped in " + coverage.service + " (an argument with no Java mapping): "
                        + String.join(", ", coverage.skipped));
            }
        }
        for (String unresolved : generator.unresolved()) {
            log.println("  unresolved: " + unresolved);
        }
        return lines;
    }
}
