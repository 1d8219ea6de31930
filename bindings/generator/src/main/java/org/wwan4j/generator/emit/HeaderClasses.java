package org.wwan4j.generator.emit;

import org.wwan4j.generator.model.Callable;

/**
 * Which header class a function lands in. jextract names a header class after the header file it runs on
 * ({@code qmi-nas.h} gives {@code qmi_nas_h}), so running it once per header gives one class per header. With
 * {@code --header-class-per-file} the generator does that in one run: each function goes to the class of the header
 * the GIR's {@code source-position} names, and a program that calls a dozen NAS functions loads the NAS header class,
 * not the several thousand declarations of the whole library (about 4 MB of metaspace for libqmi). What the GIR
 * places in no header (enum members, enum typedefs, macros, the odd function) stays in the umbrella class.
 *
 * @param umbrella the header class named on the command line ({@code libqmi_glib_h})
 * @param perFile  whether functions go to the class of their own header
 */
public record HeaderClasses(String umbrella, boolean perFile) {

    /** The header class that holds {@code callable}'s wrapper. */
    public String of(Callable callable) {
        if (!perFile || callable.sourceFile() == null || callable.sourceFile().isBlank()) {
            return umbrella;
        }
        return forFile(callable.sourceFile());
    }

    /** {@code src/libqmi-glib/generated/qmi-nas.h} becomes {@code qmi_nas_h}, as jextract names it. */
    public static String forFile(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (file.endsWith(".h")) {
            file = file.substring(0, file.length() - 2);
        }
        return JavaText.identifier(file.replaceAll("[^A-Za-z0-9]", "_") + "_h");
    }
}
