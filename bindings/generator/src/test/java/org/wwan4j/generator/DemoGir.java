package org.wwan4j.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.select.UsageException;

/** The synthetic test GIR and its include list, and a way to run the generator on them in-process. */
public final class DemoGir {

    private DemoGir() {
    }

    public static Path gir() {
        return resource("demo/Demo-1.0.gir");
    }

    static Path includes() {
        return resource("demo/demo.txt");
    }

    static Path resource(String name) {
        try {
            return Path.of(DemoGir.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@link Main#run} on the demo GIR plus {@code extra} arguments and returns its log. */
    static String generate(String... extra) throws IOException, UsageException {
        List<String> args = new ArrayList<>(List.of("--gir", gir().toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Main.run(args.toArray(String[]::new), new PrintStream(log, true, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }
}
