package org.wwan4j.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares generated files with the committed golden copies under {@code src/test/resources/golden}.
 * To accept new output after an intended change, run the tests with {@code -Dwwan4j.golden.update=true}
 * (from the module directory, where surefire runs) and review the diff in git.
 */
final class Golden {

    static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("wwan4j.golden.update");

    private Golden() {
    }

    /** Asserts that {@code actualDir} holds exactly the files of {@code golden/<name>}, with equal contents. */
    static void assertDirectory(String name, Path actualDir) throws IOException {
        Path expectedDir = ROOT.resolve(name);
        if (UPDATE) {
            replaceDirectory(expectedDir, actualDir);
            return;
        }
        assertEquals(fileNames(expectedDir), fileNames(actualDir),
                "generated file set differs from " + expectedDir + "; " + hint());
        for (String file : fileNames(expectedDir)) {
            assertText(expectedDir.resolve(file), Files.readString(actualDir.resolve(file)));
        }
    }

    static void assertFile(String name, String actual) throws IOException {
        Path expected = ROOT.resolve(name);
        if (UPDATE) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual);
            return;
        }
        assertText(expected, actual);
    }

    private static void assertText(Path expectedFile, String actual) throws IOException {
        if (!Files.exists(expectedFile)) {
            fail("golden file " + expectedFile + " is missing; " + hint());
        }
        List<String> expected = Files.readString(expectedFile).lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.max(expected.size(), got.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<end of file>";
            String a = i < got.size() ? got.get(i) : "<end of file>";
            if (!e.equals(a)) {
                fail(expectedFile + " differs at line " + (i + 1) + ":\n  expected: " + e + "\n  actual:   " + a
                        + "\n" + hint());
            }
        }
    }

    private static String hint() {
        return "if the change is intended, regenerate with: mvn -pl bindings/generator test -Dwwan4j.golden.update=true";
    }

    private static List<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void replaceDirectory(Path target, Path source) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> old = Files.list(target)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
    }
}
