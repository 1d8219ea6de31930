package org.wwan4j.benchmarks.downcall;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where native/target is: JMH forks and surefire run from different working directories (root vs module). */
public final class NativeDir {
    static final String PROPERTY = "wwan4j.native.dir";

    private NativeDir() {}

    public static Path resolve() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        // Walk up to the project root, recognised by native/Makefile, so both the root and a module directory work.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("native/Makefile"))) {
                return dir.resolve("native/target");
            }
        }
        throw new IllegalStateException("native/target not found above " + Path.of("").toAbsolutePath()
                + "; set -D" + PROPERTY);
    }
}
