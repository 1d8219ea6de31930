package org.wwan4j.generator.check;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The top-level classes of a generated package, read from its class files, for tests that check every struct or
 * header class. The anchor must have been loaded from a classes directory (a module's own tests), not from a jar.
 */
final class GeneratedClasses {

    private GeneratedClasses() {
    }

    /** Classes in the package of {@code anchor} whose simple name passes {@code names}, loaded, not initialised. */
    static List<Class<?>> beside(Class<?> anchor, Predicate<String> names) throws IOException {
        Path dir;
        try {
            dir = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(anchor.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - ".class".length());
                if (names.test(name)) {
                    try {
                        classes.add(Class.forName(anchor.getPackageName() + "." + name, false,
                                anchor.getClassLoader()));
                    } catch (ClassNotFoundException e) {
                        throw new IOException(e);
                    }
                }
            }
        }
        return classes;
    }
}
