package org.wwan4j.generator.select;

import java.util.ArrayList;
import java.util.List;
import java.util.SequencedSet;
import org.wwan4j.generator.select.SymbolIndex.Kind;
import org.wwan4j.generator.select.SymbolIndex.Symbol;

/**
 * Applies an include list to a {@link SymbolIndex}. Every listed name must exist and be supported; all problems
 * are reported together, each naming the symbol. An empty include list selects every supported symbol.
 */
public final class Selector {

    private Selector() {
    }

    public static Selection select(SymbolIndex index, IncludeList includes) throws UsageException {
        List<Declaration> chosen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (includes.isEmpty()) {
            index.byNamespace().values().forEach(symbols -> symbols.stream()
                    .filter(s -> s.declaration() != null).forEach(s -> chosen.add(s.declaration())));
        } else {
            pick(index, Kind.FUNCTION, includes.functions(), chosen, problems);
            pick(index, Kind.STRUCT, includes.structs(), chosen, problems);
            pick(index, Kind.TYPEDEF, includes.typedefs(), chosen, problems);
            pick(index, Kind.CONSTANT, includes.constants(), chosen, problems);
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        List<Declaration.Function> functions = new ArrayList<>();
        List<Declaration.Struct> structs = new ArrayList<>();
        List<Declaration> constants = new ArrayList<>();
        List<Declaration.EnumTypedef> enumTypedefs = new ArrayList<>();
        List<Declaration.FunctionPointer> pointers = new ArrayList<>();
        for (Declaration d : chosen) {
            switch (d) {
                case Declaration.Function f -> functions.add(f);
                case Declaration.Struct s -> structs.add(s);
                case Declaration.EnumTypedef e -> enumTypedefs.add(e);
                case Declaration.FunctionPointer p -> pointers.add(p);
                case Declaration.EnumConstant c -> constants.add(c);
                case Declaration.MacroConstant c -> constants.add(c);
            }
        }
        return new Selection(functions, structs, constants, enumTypedefs, pointers);
    }

    private static void pick(SymbolIndex index, Kind kind, SequencedSet<String> names, List<Declaration> chosen,
                             List<String> problems) {
        for (String name : names) {
            Symbol symbol = index.find(kind, name);
            if (symbol == null) {
                problems.add("unknown symbol in " + kind.option() + " " + name + ": no such "
                        + kind.name().toLowerCase(java.util.Locale.ROOT) + " in the given GIR files");
            } else if (symbol.declaration() == null) {
                problems.add("cannot generate " + kind.option() + " " + name + " (" + symbol.where() + "): "
                        + symbol.unsupportedReason());
            } else {
                chosen.add(symbol.declaration());
            }
        }
    }
}
