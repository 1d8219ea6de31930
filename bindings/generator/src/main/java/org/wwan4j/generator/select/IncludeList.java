package org.wwan4j.generator.select;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The symbols a header file asks for, in jextract's vocabulary. Once any include is given, everything else is
 * dropped; an empty list means "everything".
 */
public final class IncludeList {

    private final SequencedSet<String> functions = new LinkedHashSet<>();
    private final SequencedSet<String> structs = new LinkedHashSet<>();
    private final SequencedSet<String> constants = new LinkedHashSet<>();
    private final SequencedSet<String> typedefs = new LinkedHashSet<>();

    public void addFunction(String name) {
        functions.add(name);
    }

    public void addStruct(String name) {
        structs.add(name);
    }

    public void addConstant(String name) {
        constants.add(name);
    }

    public void addTypedef(String name) {
        typedefs.add(name);
    }

    public SequencedSet<String> functions() {
        return functions;
    }

    public SequencedSet<String> structs() {
        return structs;
    }

    public SequencedSet<String> constants() {
        return constants;
    }

    public SequencedSet<String> typedefs() {
        return typedefs;
    }

    public boolean isEmpty() {
        return functions.isEmpty() && structs.isEmpty() && constants.isEmpty() && typedefs.isEmpty();
    }
}
