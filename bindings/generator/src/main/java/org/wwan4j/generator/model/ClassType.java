package org.wwan4j.generator.model;

import java.util.List;

/**
 * A GObject class or interface.
 *
 * @param name         the GIR name
 * @param cType        the C instance type ({@code QmiDevice})
 * @param parent       the parent class GIR name (possibly qualified), or null
 * @param isInterface  true for a GIR {@code <interface>}
 * @param getType      its {@code glib:get-type} function, or null
 * @param constructors its constructors
 * @param methods      its methods
 * @param functions    its static functions
 * @param signals      its signals
 * @param asyncPairs   async start/finish pairs among its callables
 * @param doc          documentation text, or empty
 */
public record ClassType(String name, String cType, String parent, boolean isInterface, String getType,
                        List<Callable> constructors, List<Callable> methods, List<Callable> functions,
                        List<Signal> signals, List<AsyncPair> asyncPairs, String doc) {

    public ClassType {
        constructors = List.copyOf(constructors);
        methods = List.copyOf(methods);
        functions = List.copyOf(functions);
        signals = List.copyOf(signals);
        asyncPairs = List.copyOf(asyncPairs);
    }
}
