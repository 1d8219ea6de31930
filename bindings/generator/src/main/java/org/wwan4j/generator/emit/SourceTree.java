package org.wwan4j.generator.emit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes generated sources under {@code root/<package path>}: a file whose content is unchanged is left alone (its
 * timestamp too, so the compiler sees nothing stale and a rebuild of an unchanged tree compiles nothing), and a
 * source the generator no longer produces is removed. All three generators (ffi, QMI API, MBIM API) write here.
 */
public final class SourceTree {

    private SourceTree() {
    }

    /** Writes {@code files} into the package's directory and returns it. */
    public static Path write(Path root, String packageName, List<SourceFile> files) throws IOException {
        Path dir = packageName.isEmpty() ? root : root.resolve(packageName.replace('.', '/'));
        Files.createDirectories(dir);
        Set<Path> produced = new HashSet<>();
        for (SourceFile file : files) {
            Path target = dir.resolve(file.className() + ".java");
            produced.add(target);
            if (!Files.isRegularFile(target) || !Files.readString(target).equals(file.content())) {
                Files.writeString(target, file.content());
            }
        }
        try (var existing = Files.list(dir)) {
            for (Path stale : existing.filter(p -> p.toString().endsWith(".java") && !produced.contains(p)).toList()) {
                Files.delete(stale);
            }
        }
        return dir;
    }
}
