package org.wwan4j.generator.emit;

import java.util.List;

/**
 * What every emitter needs to know about the header being generated.
 *
 * @param packageName     the Java package ("" for none)
 * @param headerClassName the header class the emitted code reaches layouts and the symbol lookup through
 *                        ({@code libqmi_glib_h}, or with one class per header file {@code qmi_nas_h})
 * @param sharedClassName the root of every header class of this library ({@code libqmi_glib_h$shared})
 * @param libraries       sonames to look symbols up in, in order
 */
public record HeaderContext(String packageName, String headerClassName, String sharedClassName, List<String> libraries) {

    public HeaderContext {
        libraries = List.copyOf(libraries);
    }

    /** The context of the umbrella header class {@code name}, whose chain ends in {@code name$shared}. */
    public static HeaderContext umbrella(String packageName, String name, List<String> libraries) {
        return new HeaderContext(packageName, name, name + "$shared", libraries);
    }

    /** The same library seen from another class: a per-file header class, or {@code $shared} itself. */
    public HeaderContext forClass(String className) {
        return new HeaderContext(packageName, className, sharedClassName, libraries);
    }

    /** A {@code C_*} layout reached through the header class, as jextract writes it. */
    public String layout(String layoutName) {
        return headerClassName + "." + layoutName;
    }

    public String packageLine() {
        return packageName.isEmpty() ? "" : "package " + packageName + ";\n\n";
    }
}
