package org.wwan4j.generator.emit;

import java.util.List;

/**
 * What every emitter needs to know about the header being generated.
 *
 * @param packageName     the Java package ("" for none)
 * @param headerClassName the outermost header class ({@code libqmi_glib_h}); holders link through it
 * @param libraries       sonames to look symbols up in, in order
 */
public record HeaderContext(String packageName, String headerClassName, List<String> libraries) {

    public HeaderContext {
        libraries = List.copyOf(libraries);
    }

    /** A {@code C_*} layout reached through the header class, as jextract writes it. */
    public String layout(String layoutName) {
        return headerClassName + "." + layoutName;
    }

    /** The shared base class of the chain. */
    public String sharedClassName() {
        return headerClassName + "$shared";
    }

    public String packageLine() {
        return packageName.isEmpty() ? "" : "package " + packageName + ";\n\n";
    }
}
