package org.wwan4j.generator.emit;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of the nested holder classes. Nested classes become files {@code Outer$name.class}; on a
 * case-insensitive file system two names differing only in case would overwrite each other, so names are made
 * unique ignoring case by appending {@code $}.
 */
final class HolderNames {

    private final Set<String> taken = new HashSet<>();

    String unique(String cName) {
        String name = JavaText.identifier(cName);
        while (!taken.add(name.toLowerCase(Locale.ROOT))) {
            name = name + "$";
        }
        return name;
    }
}
