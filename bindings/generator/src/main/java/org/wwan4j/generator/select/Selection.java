package org.wwan4j.generator.select;

import java.util.List;

/** What will be generated, in include-list order. */
public record Selection(List<Declaration.Function> functions, List<Declaration.Struct> structs,
                        List<Declaration> constants, List<Declaration.EnumTypedef> enumTypedefs,
                        List<Declaration.FunctionPointer> functionPointers) {

    public Selection {
        functions = List.copyOf(functions);
        structs = List.copyOf(structs);
        constants = List.copyOf(constants);
        enumTypedefs = List.copyOf(enumTypedefs);
        functionPointers = List.copyOf(functionPointers);
    }
}
