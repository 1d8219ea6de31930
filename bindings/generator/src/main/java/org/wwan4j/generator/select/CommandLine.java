package org.wwan4j.generator.select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the generator's arguments. {@code @file} arguments are expanded in place, jextract-style: one or more
 * options per line, {@code #} starts a comment, blank lines are ignored.
 */
public final class CommandLine {

    private CommandLine() {
    }

    public static GeneratorOptions parse(String[] args) throws UsageException {
        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            expand(arg, tokens);
        }
        List<Path> girs = new ArrayList<>();
        List<String> libraries = new ArrayList<>();
        IncludeList includes = new IncludeList();
        Path output = null;
        Path dump = null;
        String headerClass = null;
        String pkg = "";
        int split = GeneratorOptions.DEFAULT_SPLIT_THRESHOLD;
        boolean perFile = false;
        for (int i = 0; i < tokens.size(); i++) {
            String option = tokens.get(i);
            switch (option) {
                case "--gir" -> girs.add(Path.of(value(tokens, ++i, option)));
                case "--output" -> output = Path.of(value(tokens, ++i, option));
                case "--dump-includes" -> dump = Path.of(value(tokens, ++i, option));
                case "--header-class-name" -> headerClass = value(tokens, ++i, option);
                case "-t", "--target-package" -> pkg = value(tokens, ++i, option);
                case "-l", "--library" -> libraries.add(stripColon(value(tokens, ++i, option)));
                case "--include-function" -> includes.addFunction(value(tokens, ++i, option));
                case "--include-struct" -> includes.addStruct(value(tokens, ++i, option));
                case "--include-constant" -> includes.addConstant(value(tokens, ++i, option));
                case "--include-typedef" -> includes.addTypedef(value(tokens, ++i, option));
                case "--split-threshold" -> split = positiveInt(value(tokens, ++i, option), option);
                case "--header-class-per-file" -> perFile = true;
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (girs.isEmpty()) {
            throw new UsageException("no --gir FILE given");
        }
        if (output == null && dump == null) {
            throw new UsageException("nothing to do: give --output DIR and/or --dump-includes FILE");
        }
        return new GeneratorOptions(List.copyOf(girs), output, dump, headerClass, pkg, List.copyOf(libraries),
                includes, split, perFile);
    }

    private static void expand(String arg, List<String> tokens) throws UsageException {
        if (!arg.startsWith("@")) {
            tokens.add(arg);
            return;
        }
        Path file = Path.of(arg.substring(1));
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException("cannot read argument file " + file + ": " + e.getMessage());
        }
        for (String line : lines) {
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            for (String token : content.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
    }

    private static String value(List<String> tokens, int index, String option) throws UsageException {
        if (index >= tokens.size()) {
            throw new UsageException("option " + option + " needs a value");
        }
        return tokens.get(index);
    }

    private static int positiveInt(String text, String option) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(option + " needs a positive number, not '" + text + "'");
    }

    /** jextract's {@code -l :name} means "this exact file or soname"; we always use names literally. */
    private static String stripColon(String library) {
        return library.startsWith(":") ? library.substring(1) : library;
    }
}
