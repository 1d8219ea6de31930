package org.wwan4j.generator.check;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks generated struct classes against the C compiler: writes a C program printing {@code sizeof} and every
 * {@code offsetof}, builds it with gcc against the real headers and compares. The generator computes layouts
 * itself from the GIR, so this is the independent witness that they match the ABI. Used by the bindings' tests.
 */
public final class StructLayoutProbe {

    private static final long TIMEOUT_SECONDS = 120;

    private StructLayoutProbe() {
    }

    /** True when gcc and pkg-config can be run here. */
    public static boolean toolsAvailable() {
        try {
            return run(List.of("gcc", "--version"), null).exit == 0 && run(List.of("pkg-config", "--version"), null).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns one line per disagreement ({@code QmiFoo.bar: java 8, C 16}); empty when every size and offset matches.
     *
     * @param structClasses generated struct classes (each has a static {@code layout()} returning a GroupLayout)
     * @param cIncludes     headers to include ({@code libqmi-glib.h})
     * @param pkgConfig     pkg-config packages giving the compiler flags ({@code qmi-glib})
     * @param workDir       scratch directory for the C program
     */
    public static List<String> mismatches(List<Class<?>> structClasses, List<String> cIncludes, List<String> pkgConfig,
                                          Path workDir) throws IOException {
        Map<String, Long> javaValues = new LinkedHashMap<>();
        for (Class<?> c : structClasses) {
            GroupLayout layout = layoutOf(c);
            String struct = c.getSimpleName();
            javaValues.put(struct + " sizeof", layout.byteSize());
            for (MemoryLayout member : layout.memberLayouts()) {
                member.name().ifPresent(f -> javaValues.put(struct + "." + f,
                        layout.byteOffset(MemoryLayout.PathElement.groupElement(f))));
            }
        }
        Path source = workDir.resolve("probe.c");
        Path binary = workDir.resolve("probe");
        Files.writeString(source, program(javaValues.keySet(), cIncludes));
        List<String> gcc = new ArrayList<>(List.of("gcc", "-w", "-o", binary.toString(), source.toString()));
        List<String> pkgArgs = new ArrayList<>(List.of("pkg-config", "--cflags", "--libs"));
        pkgArgs.addAll(pkgConfig);
        Result flags = run(pkgArgs, null);
        if (flags.exit != 0) {
            throw new IOException("pkg-config failed: " + flags.output);
        }
        gcc.addAll(List.of(flags.output.trim().split("\\s+")));
        Result compiled = run(gcc, null);
        if (compiled.exit != 0) {
            throw new IOException("gcc failed: " + compiled.output);
        }
        Result probe = run(List.of(binary.toString()), null);
        List<String> problems = new ArrayList<>();
        for (String line : probe.output.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            long c = Long.parseLong(line.substring(space + 1).trim());
            Long java = javaValues.get(key);
            if (java == null || java != c) {
                problems.add(key + ": java " + java + ", C " + c);
            }
        }
        return problems;
    }

    /**
     * The generated struct classes (those with a static {@code layout()}) in the package of {@code anchor}, which
     * must have been loaded from a classes directory (as in a module's own tests), not from a jar.
     */
    public static List<Class<?>> structClassesBeside(Class<?> anchor) throws IOException {
        List<Class<?>> structs = new ArrayList<>();
        for (Class<?> c : GeneratedClasses.beside(anchor, name -> !name.contains("$"))) {
            if (java.util.Arrays.stream(c.getMethods())
                    .anyMatch(m -> m.getName().equals("layout") && m.getParameterCount() == 0)) {
                structs.add(c);
            }
        }
        return structs;
    }

    private static GroupLayout layoutOf(Class<?> structClass) {
        try {
            return (GroupLayout) structClass.getMethod("layout").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(structClass + " is not a generated struct class", e);
        }
    }

    private static String program(Iterable<String> keys, List<String> cIncludes) {
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n");
        cIncludes.forEach(h -> c.append("#include <").append(h).append(">\n"));
        c.append("int main(void) {\n");
        for (String key : keys) {
            if (key.endsWith(" sizeof")) {
                String struct = key.substring(0, key.indexOf(' '));
                c.append("    printf(\"%s %zu\\n\", \"").append(key).append("\", sizeof(").append(struct).append("));\n");
            } else {
                String struct = key.substring(0, key.indexOf('.'));
                String field = key.substring(key.indexOf('.') + 1);
                c.append("    printf(\"%s %zu\\n\", \"").append(key).append("\", offsetof(").append(struct).append(", ")
                        .append(field).append("));\n");
            }
        }
        return c.append("    return 0;\n}\n").toString();
    }

    private record Result(int exit, String output) { }

    private static Result run(List<String> command, Path dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " timed out");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
    }
}
