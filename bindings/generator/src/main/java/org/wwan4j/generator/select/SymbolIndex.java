package org.wwan4j.generator.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.CallbackType;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.Constant;
import org.wwan4j.generator.model.EnumMember;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.types.StructLayoutPlanner;

/**
 * Every symbol of the given namespaces under the C name an include list uses, in GIR order, each with its
 * verdict (supported or why not) and whether it is introspectable.
 */
public final class SymbolIndex {

    /** The include-list kinds, spelled as the option that selects them. */
    public enum Kind {
        FUNCTION("--include-function"), STRUCT("--include-struct"), TYPEDEF("--include-typedef"),
        CONSTANT("--include-constant");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

    /**
     * One indexed symbol.
     *
     * @param kind              which include option selects it
     * @param declaration       what it generates, or null when unsupported
     * @param where             its GIR location ({@code Qmi.Device.allocate_client})
     * @param introspectable    false when the GIR marks it (or its owner) {@code introspectable="0"}
     * @param unsupportedReason why it cannot be generated, or null
     */
    public record Symbol(Kind kind, String cName, Declaration declaration, String where, boolean introspectable,
                         String unsupportedReason) { }

    private final Map<Kind, Map<String, Symbol>> byKind = new LinkedHashMap<>();
    private final Map<String, List<Symbol>> byNamespace = new LinkedHashMap<>();

    public SymbolIndex(List<Namespace> namespaces, Support support, StructLayoutPlanner planner) {
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        for (Namespace ns : namespaces) {
            List<Symbol> symbols = new ArrayList<>();
            byNamespace.put(ns.name() + "-" + ns.version(), symbols);
            indexCallables(ns, support, symbols);
            indexStructs(ns, planner, symbols);
            indexTypedefs(ns, support, symbols);
            indexConstants(ns, support, symbols);
            for (Symbol s : symbols) {
                byKind.get(s.kind()).putIfAbsent(s.cName(), s);
            }
        }
    }

    public Symbol find(Kind kind, String cName) {
        return byKind.get(kind).get(cName);
    }

    /** Symbols grouped by namespace ({@code Qmi-1.0}), in GIR order. */
    public Map<String, List<Symbol>> byNamespace() {
        return byNamespace;
    }

    private static void indexCallables(Namespace ns, Support support, List<Symbol> out) {
        for (Callable f : ns.functions()) {
            addCallable(ns, support, f, ns.name() + "." + f.name(), true, out);
        }
        for (ClassType c : ns.classes()) {
            for (List<Callable> group : List.of(c.constructors(), c.methods(), c.functions())) {
                group.forEach(f -> addCallable(ns, support, f, ns.name() + "." + c.name() + "." + f.name(), true, out));
            }
        }
        for (RecordType r : ns.records()) {
            for (List<Callable> group : List.of(r.constructors(), r.methods(), r.functions())) {
                group.forEach(f -> addCallable(ns, support, f, ns.name() + "." + r.name() + "." + f.name(),
                        r.introspectable(), out));
            }
        }
        for (EnumType e : ns.enums()) {
            e.functions().forEach(f -> addCallable(ns, support, f, ns.name() + "." + e.name() + "." + f.name(), true, out));
        }
    }

    private static void addCallable(Namespace ns, Support support, Callable f, String where, boolean ownerIntrospectable,
                                    List<Symbol> out) {
        Support.Result result = support.callable(f, ns.name());
        Declaration d = result.supported() ? new Declaration.Function(ns.name(), f) : null;
        out.add(new Symbol(Kind.FUNCTION, f.cIdentifier(), d, where, f.introspectable() && ownerIntrospectable,
                result.unsupportedReason()));
    }

    /** Only records with public fields are structs to jextract; opaque ones are plain pointers. */
    private static void indexStructs(Namespace ns, StructLayoutPlanner planner, List<Symbol> out) {
        for (RecordType r : ns.records()) {
            if (r.isOpaque() || r.cType() == null || r.fields().stream().allMatch(f -> f.isPrivate())) {
                continue;
            }
            StructLayoutPlanner.Plan plan = planner.plan(r, ns.name());
            Declaration d = plan.supported() ? new Declaration.Struct(ns.name(), r, plan.layout()) : null;
            out.add(new Symbol(Kind.STRUCT, r.cType(), d, ns.name() + "." + r.name(),
                    r.introspectable() && r.gtypeStructFor() == null, plan.unsupportedReason()));
        }
    }

    private static void indexTypedefs(Namespace ns, Support support, List<Symbol> out) {
        for (EnumType e : ns.enums()) {
            if (e.cType() != null) {
                out.add(new Symbol(Kind.TYPEDEF, e.cType(), new Declaration.EnumTypedef(ns.name(), e),
                        ns.name() + "." + e.name(), true, null));
            }
        }
        for (CallbackType c : ns.callbacks()) {
            if (c.cType() == null) {
                continue;
            }
            Support.Result result = support.callback(c, ns.name());
            Declaration d = result.supported() ? new Declaration.FunctionPointer(ns.name(), c) : null;
            out.add(new Symbol(Kind.TYPEDEF, c.cType(), d, ns.name() + "." + c.name(), c.introspectable(),
                    result.unsupportedReason()));
        }
    }

    private static void indexConstants(Namespace ns, Support support, List<Symbol> out) {
        for (EnumType e : ns.enums()) {
            for (EnumMember m : e.members()) {
                out.add(new Symbol(Kind.CONSTANT, m.cIdentifier(), new Declaration.EnumConstant(ns.name(), e, m),
                        ns.name() + "." + e.name() + "." + m.name(), true, null));
            }
        }
        for (Constant c : ns.constants()) {
            String problem = support.constantProblem(c, ns.name());
            Declaration d = problem == null ? new Declaration.MacroConstant(ns.name(), c) : null;
            out.add(new Symbol(Kind.CONSTANT, c.cName(), d, ns.name() + "." + c.name(), true, problem));
        }
    }
}
