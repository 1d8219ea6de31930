package org.wwan4j.generator.emit;

/** How much of one namespace was emitted, for the build log and the docs. */
public final class NamespaceCounts {

    int functions;
    int methods;
    int constructors;
    int structs;
    int enums;
    int flags;
    int callbacks;
    int constants;

    public int functions() {
        return functions;
    }

    public int methods() {
        return methods;
    }

    public int constructors() {
        return constructors;
    }

    public int structs() {
        return structs;
    }

    public int enums() {
        return enums;
    }

    public int flags() {
        return flags;
    }

    public int callbacks() {
        return callbacks;
    }

    public int constants() {
        return constants;
    }

    @Override
    public String toString() {
        return "functions=" + functions + " methods=" + methods + " constructors=" + constructors + " structs="
                + structs + " enums=" + enums + " flags=" + flags + " callbacks=" + callbacks + " constants="
                + constants;
    }
}
