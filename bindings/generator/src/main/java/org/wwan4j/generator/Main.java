package org.wwan4j.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wwan4j.generator.emit.FfiGenerator;
import org.wwan4j.generator.emit.HeaderClasses;
import org.wwan4j.generator.emit.NamespaceCounts;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.emit.SourceTree;
import org.wwan4j.generator.gir.GirReader;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.select.CommandLine;
import org.wwan4j.generator.select.GeneratorOptions;
import org.wwan4j.generator.select.IncludeDumper;
import org.wwan4j.generator.select.Selection;
import org.wwan4j.generator.select.Selector;
import org.wwan4j.generator.select.Support;
import org.wwan4j.generator.select.SymbolIndex;
import org.wwan4j.generator.select.UsageException;
import org.wwan4j.generator.types.StructLayoutPlanner;
import org.wwan4j.generator.types.TypeLowering;
import org.wwan4j.generator.types.TypeRegistry;

/**
 * Command line entry point:
 * {@code Main --gir FILE [--gir FILE...] [@headers/x.txt] [--output DIR] [--dump-includes FILE]}.
 * Exit status 2 for bad input (the message names it), 1 for I/O failures.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (UsageException e) {
            System.err.println("wwan4j-generator: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("wwan4j-generator: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Does the work without exiting the JVM, so tests and in-process Maven runs can call it. */
    public static void run(String[] args, PrintStream log) throws UsageException, IOException {
        long start = System.nanoTime();
        GeneratorOptions options = CommandLine.parse(args);
        List<Namespace> namespaces = new ArrayList<>();
        for (Path gir : options.girFiles()) {
            if (!Files.isRegularFile(gir)) {
                throw new UsageException("GIR file not found: " + gir);
            }
            namespaces.add(GirReader.read(gir));
        }
        TypeLowering lowering = new TypeLowering(new TypeRegistry(namespaces));
        Support support = new Support(lowering);
        SymbolIndex index = new SymbolIndex(namespaces, support, new StructLayoutPlanner(lowering));
        if (options.dumpIncludes() != null) {
            Path dump = options.dumpIncludes();
            createParent(dump);
            Files.writeString(dump, IncludeDumper.dump(index));
            log.println("wwan4j-generator: wrote includes of " + names(namespaces) + " to " + dump);
        }
        if (options.output() == null) {
            return;
        }
        Selection selection = Selector.select(index, options.includes());
        List<String> libraries = options.libraries().isEmpty()
                ? namespaces.stream().flatMap(ns -> ns.sharedLibraries().stream()).distinct().toList()
                : options.libraries();
        String headerClass = options.headerClassName() != null ? options.headerClassName()
                : FfiGenerator.defaultHeaderClassName(libraries);
        FfiGenerator generator = new FfiGenerator(options.targetPackage(),
                new HeaderClasses(headerClass, options.headerClassPerFile()), libraries, support,
                options.splitThreshold());
        FfiGenerator.Result result = generator.generate(selection, namespaces.stream().map(Namespace::name).toList());
        Path packageDir = SourceTree.write(options.output(), options.targetPackage(), result.files());
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (Map.Entry<String, NamespaceCounts> e : result.counts().entrySet()) {
            log.println("wwan4j-generator: " + e.getKey() + ": " + e.getValue());
        }
        log.println("wwan4j-generator: " + result.files().size() + " files in " + packageDir + " in " + millis + " ms");
    }

    private static String names(List<Namespace> namespaces) {
        return String.join(", ", namespaces.stream().map(ns -> ns.name() + "-" + ns.version()).toList());
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
