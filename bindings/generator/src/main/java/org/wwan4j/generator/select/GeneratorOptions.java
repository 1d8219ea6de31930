package org.wwan4j.generator.select;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the command line (and its {@code @argfiles}) asked for.
 *
 * @param girFiles        the GIR files whose symbols may be generated
 * @param output          root directory for generated sources, or null
 * @param dumpIncludes    file to write every symbol into, or null
 * @param headerClassName the header class name ({@code libqmi_glib_h}), or null to derive it
 * @param targetPackage   the package of the generated classes ({@code -t}), or "" for the unnamed package
 * @param libraries       {@code -l} libraries overriding the GIR's {@code shared-library} (":" prefix stripped)
 * @param includes        the include list
 * @param splitThreshold  declarations per header class before splitting into a chain
 * @param headerClassPerFile one header class per C header file the GIR names (see {@code HeaderClasses}), the
 *                        header class name then naming the umbrella class for what has no header
 */
public record GeneratorOptions(List<Path> girFiles, Path output, Path dumpIncludes, String headerClassName,
                               String targetPackage, List<String> libraries, IncludeList includes,
                               int splitThreshold, boolean headerClassPerFile) {

    public static final int DEFAULT_SPLIT_THRESHOLD = 1000;
}
