package org.wwan4j.generator.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.select.Declaration;
import org.wwan4j.generator.select.Selection;
import org.wwan4j.generator.select.Support;

/** Turns a {@link Selection} into the source files of one jextract-shaped ffi package. */
public final class FfiGenerator {

    /** The generated sources and what they contain per namespace. */
    public record Result(List<SourceFile> files, Map<String, NamespaceCounts> counts) { }

    private final HeaderContext header;
    private final HeaderClasses headerClasses;
    private final Support support;
    private final int splitThreshold;

    public FfiGenerator(String packageName, HeaderClasses headerClasses, List<String> libraries, Support support,
                        int splitThreshold) {
        this.header = HeaderContext.umbrella(packageName, headerClasses.umbrella(), libraries);
        this.headerClasses = headerClasses;
        this.support = support;
        this.splitThreshold = splitThreshold;
    }

    public Result generate(Selection selection, List<String> namespaceOrder) {
        Map<String, NamespaceCounts> counts = new LinkedHashMap<>();
        namespaceOrder.forEach(ns -> counts.put(ns, new NamespaceCounts()));
        // The umbrella class first, then one class per header file in the order the selection meets them.
        Map<String, List<HeaderChainEmitter.Member>> classes = new LinkedHashMap<>();
        List<HeaderChainEmitter.Member> members = new ArrayList<>();
        classes.put(header.headerClassName(), members);
        HolderNames holders = new HolderNames();
        for (Declaration.Function f : selection.functions()) {
            Support.Signature signature = support.callable(f.callable(), f.namespace()).signature();
            String owner = headerClasses.of(f.callable());
            FunctionEmitter functions = new FunctionEmitter(header.forClass(owner));
            classes.computeIfAbsent(owner, name -> new ArrayList<>()).add(new HeaderChainEmitter.Member(
                    functions.emit(f.callable(), signature, holders.unique(f.callable().cIdentifier()))));
            NamespaceCounts c = count(counts, f.namespace());
            switch (f.callable().kind()) {
                case FUNCTION -> c.functions++;
                case METHOD -> c.methods++;
                case CONSTRUCTOR -> c.constructors++;
            }
        }
        ConstantEmitter constants = new ConstantEmitter(header);
        // Enum types that got a typedef or at least one member, for the counts.
        Map<EnumType, String> enumNamespace = new LinkedHashMap<>();
        for (Declaration.EnumTypedef t : selection.enumTypedefs()) {
            members.add(new HeaderChainEmitter.Member(constants.enumTypedef(t.type())));
            enumNamespace.put(t.type(), t.namespace());
        }
        for (Declaration d : selection.constants()) {
            switch (d) {
                case Declaration.EnumConstant e -> {
                    members.add(new HeaderChainEmitter.Member(constants.enumMember(e.owner(), e.member())));
                    enumNamespace.put(e.owner(), e.namespace());
                }
                case Declaration.MacroConstant m -> members.add(new HeaderChainEmitter.Member(
                        constants.macro(m.constant(), support.constantType(m.constant(), m.namespace()))));
                default -> throw new IllegalStateException("not a constant: " + d);
            }
            count(counts, d.namespace()).constants++;
        }
        for (Map.Entry<EnumType, String> e : enumNamespace.entrySet()) {
            NamespaceCounts c = count(counts, e.getValue());
            if (e.getKey().flags()) {
                c.flags++;
            } else {
                c.enums++;
            }
        }
        List<SourceFile> files = new ArrayList<>();
        boolean perFile = headerClasses.perFile();
        for (Map.Entry<String, List<HeaderChainEmitter.Member>> c : classes.entrySet()) {
            files.addAll(HeaderChainEmitter.emit(header.forClass(c.getKey()), c.getValue(), splitThreshold, !perFile));
        }
        files.add(SharedClassEmitter.emit(header, perFile));
        // Structs and function pointers reach layouts through $shared when header classes are per file, so that
        // using a struct does not load the umbrella class and its thousands of enum constants.
        HeaderContext typeContext = perFile ? header.forClass(header.sharedClassName()) : header;
        StructEmitter structs = new StructEmitter(typeContext);
        for (Declaration.Struct s : selection.structs()) {
            files.add(structs.emit(s));
            count(counts, s.namespace()).structs++;
        }
        FunctionPointerEmitter pointers = new FunctionPointerEmitter(typeContext);
        for (Declaration.FunctionPointer p : selection.functionPointers()) {
            files.add(pointers.emit(p, support.callback(p.callback(), p.namespace()).signature()));
            count(counts, p.namespace()).callbacks++;
        }
        return new Result(List.copyOf(files), counts);
    }

    private static NamespaceCounts count(Map<String, NamespaceCounts> counts, String namespace) {
        return counts.computeIfAbsent(namespace, ns -> new NamespaceCounts());
    }

    /** jextract names the header class after the header file; ours after the first library: libqmi_glib_h. */
    public static String defaultHeaderClassName(List<String> libraries) {
        if (libraries.isEmpty()) {
            return "ffi_h";
        }
        String soname = libraries.getFirst();
        int so = soname.indexOf(".so");
        String stem = so >= 0 ? soname.substring(0, so) : soname;
        return JavaText.identifier(stem.replaceAll("[^A-Za-z0-9]", "_") + "_h");
    }
}
