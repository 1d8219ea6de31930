package org.wwan4j.generator.api.qmi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.wwan4j.generator.emit.HeaderClasses;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.Namespace;

/**
 * What the ffi layer offers, read from the same include list that generated it ({@code headers/qmi.txt}): the API
 * layer calls only functions and struct classes that exist there (non-introspectable and unexported symbols are
 * excluded from that list, so they are skipped here too), and which header class holds each function (the list's
 * {@code --header-class-name} and {@code --header-class-per-file}).
 */
final class QmiFfi {

    private static final String FFI_PACKAGE = "org.wwan4j.qmi.ffi.";

    private final Set<String> functions = new HashSet<>();
    private final Set<String> structs = new HashSet<>();
    private final Map<String, Callable> callables = new HashMap<>();
    private String umbrella = "libqmi_glib_h";
    private boolean perFile;

    static QmiFfi read(Path includeList) throws IOException {
        QmiFfi ffi = new QmiFfi();
        for (String line : Files.readAllLines(includeList)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("--include-function")) {
                ffi.functions.add(words[1]);
            } else if (words.length >= 2 && words[0].equals("--include-struct")) {
                ffi.structs.add(words[1]);
            } else if (words.length >= 2 && words[0].equals("--header-class-name")) {
                ffi.umbrella = words[1];
            } else if (words[0].equals("--header-class-per-file")) {
                ffi.perFile = true;
            }
        }
        return ffi;
    }

    /** Learns where the namespace's functions are declared, so {@link #classOf} can name their header class. */
    void index(Namespace namespace) {
        namespace.allCallables().forEach(c -> callables.put(c.cIdentifier(), c));
    }

    /** The fully qualified header class holding the wrapper of C function {@code cName}. */
    String classOf(String cName) {
        Callable callable = callables.get(cName);
        HeaderClasses classes = new HeaderClasses(umbrella, perFile);
        return FFI_PACKAGE + (callable == null ? classes.umbrella() : classes.of(callable));
    }

    boolean hasFunction(String cName) {
        return functions.contains(cName);
    }

    Set<String> structs() {
        return structs;
    }
}
