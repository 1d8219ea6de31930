package org.wwan4j.generator.api.qmi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What the ffi layer offers, read from the same include list that generated it ({@code headers/qmi.txt}): the API
 * layer calls only functions and struct classes that exist there (non-introspectable and unexported symbols are
 * excluded from that list, so they are skipped here too).
 */
final class QmiFfi {

    private final Set<String> functions = new HashSet<>();
    private final Set<String> structs = new HashSet<>();

    static QmiFfi read(Path includeList) throws IOException {
        QmiFfi ffi = new QmiFfi();
        for (String line : Files.readAllLines(includeList)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("--include-function")) {
                ffi.functions.add(words[1]);
            } else if (words.length >= 2 && words[0].equals("--include-struct")) {
                ffi.structs.add(words[1]);
            }
        }
        return ffi;
    }

    boolean hasFunction(String cName) {
        return functions.contains(cName);
    }

    Set<String> structs() {
        return structs;
    }
}
