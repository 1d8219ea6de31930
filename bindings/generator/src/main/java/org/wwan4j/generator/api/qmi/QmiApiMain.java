package org.wwan4j.generator.api.qmi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wwan4j.generator.emit.SourceTree;
import org.wwan4j.generator.gir.GirReader;
import org.wwan4j.generator.model.Namespace;

/**
 * Entry point of the QMI API generator:
 * {@code QmiApiMain --gir Qmi-1.0.gir --includes headers/qmi.txt --output DIR}. Prints the coverage (requests,
 * indications, getters and setters emitted vs skipped per client). Exit status 2 for bad usage, 1 for I/O errors.
 */
public final class QmiApiMain {

    private QmiApiMain() {
    }

    public static void main(String[] args) {
        Path gir = null;
        Path includes = null;
        Path output = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gir" -> gir = Path.of(args[i + 1]);
                case "--includes" -> includes = Path.of(args[i + 1]);
                case "--output" -> output = Path.of(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (gir == null || includes == null || output == null || args.length % 2 != 0) {
            usage("--gir, --includes and --output are required");
        }
        try {
            long start = System.nanoTime();
            Namespace qmi = GirReader.read(gir);
            QmiApiGenerator.Result result = QmiApiGenerator.generate(qmi, QmiApiGenerator.QmiFfiView.read(includes));
            Path dir = SourceTree.write(output, QmiApiGenerator.PACKAGE, result.files());
            for (String line : result.coverage()) {
                System.out.println("wwan4j-qmi-api: " + line);
            }
            System.out.println("wwan4j-qmi-api: " + result.files().size() + " files in " + dir + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException e) {
            System.err.println("wwan4j-qmi-api: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("wwan4j-qmi-api: " + problem
                + "\nusage: QmiApiMain --gir Qmi-1.0.gir --includes headers/qmi.txt --output DIR");
        System.exit(2);
    }
}
