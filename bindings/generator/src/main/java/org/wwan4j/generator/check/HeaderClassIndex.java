package org.wwan4j.generator.check;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The header classes of a generated ffi package, for link tests: with one header class per C header file
 * ({@code --header-class-per-file}) a function's wrapper is in the class of its header, so a test that checks
 * every function looks it up across all of them.
 */
public final class HeaderClassIndex {

    private final List<Class<?>> classes;

    private HeaderClassIndex(List<Class<?>> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Every outermost header class ({@code *_h}) in the package of {@code anchor}, from its class files. */
    public static HeaderClassIndex beside(Class<?> anchor) throws IOException {
        return new HeaderClassIndex(GeneratedClasses.beside(anchor, name -> name.endsWith("_h")));
    }

    public List<Class<?>> classes() {
        return classes;
    }

    /** The {@code function$address()} accessor of a C function, from whichever header class has it. */
    public Method addressMethod(String function) {
        for (Class<?> c : classes) {
            try {
                return c.getMethod(function + "$address");
            } catch (NoSuchMethodException e) {
                // declared in another header
            }
        }
        throw new AssertionError("no header class has " + function);
    }

    /** The outermost header class holding {@code function} (a chain part {@code x_h_1} counts as {@code x_h}). */
    public String classOf(String function) {
        return addressMethod(function).getDeclaringClass().getSimpleName().replaceAll("_\\d+$", "");
    }
}
