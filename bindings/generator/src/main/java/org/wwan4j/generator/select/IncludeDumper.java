package org.wwan4j.generator.select;

import java.util.List;
import java.util.Map;
import org.wwan4j.generator.select.SymbolIndex.Symbol;

/**
 * Writes every symbol of the loaded GIRs as include-list lines, grouped per namespace under
 * {@code #### Extracted from: <namespace>} like jextract's {@code --dump-includes}. Symbols the generator
 * cannot express are written commented out with the reason; non-introspectable ones carry
 * {@code introspectable=0} in their trailing comment so a list can be filtered with {@code grep -v}.
 */
public final class IncludeDumper {

    private IncludeDumper() {
    }

    public static String dump(SymbolIndex index) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Map.Entry<String, List<Symbol>> ns : index.byNamespace().entrySet()) {
            out.append("#### Extracted from: ").append(ns.getKey()).append("\n\n");
            for (SymbolIndex.Kind kind : SymbolIndex.Kind.values()) {
                for (Symbol s : ns.getValue()) {
                    // GLib lists some functions twice (free function and method); one include line is enough.
                    if (s.kind() == kind && written.add(kind + " " + s.cName())) {
                        out.append(line(s)).append('\n');
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String line(Symbol s) {
        String include = s.kind().option() + " " + s.cName();
        String comment = "# " + s.where() + (s.introspectable() ? "" : " introspectable=0");
        if (s.declaration() == null) {
            return "# " + pad(include) + " " + comment + " unsupported: " + s.unsupportedReason();
        }
        return pad(include) + " " + comment;
    }

    private static String pad(String s) {
        return s.length() >= 72 ? s : s + " ".repeat(72 - s.length());
    }
}
