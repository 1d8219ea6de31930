package org.wwan4j.generator.gir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wwan4j.generator.model.Alias;
import org.wwan4j.generator.model.AsyncPairs;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.CallableKind;
import org.wwan4j.generator.model.CallbackType;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.Constant;
import org.wwan4j.generator.model.Direction;
import org.wwan4j.generator.model.EnumMember;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.Parameter;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.ReturnValue;
import org.wwan4j.generator.model.Signal;
import org.wwan4j.generator.model.Transfer;
import org.wwan4j.generator.model.TypeRef;

/** Turns a {@code .gir} file into the typed {@link Namespace} model. */
public final class GirReader {

    private GirReader() {
    }

    public static Namespace read(Path girFile) throws IOException {
        XmlElement repository = XmlTreeReader.read(girFile);
        if (repository == null || !repository.name().equals("repository")) {
            throw new IOException(girFile + ": not a GIR file (no <repository> root)");
        }
        XmlElement namespace = repository.child("namespace");
        if (namespace == null) {
            throw new IOException(girFile + ": no <namespace> element");
        }
        try {
            return readNamespace(repository, namespace);
        } catch (RuntimeException e) {
            throw new IOException(girFile + ": " + e.getMessage(), e);
        }
    }

    private static Namespace readNamespace(XmlElement repository, XmlElement ns) {
        String libs = ns.attr("shared-library");
        List<String> sharedLibraries = libs == null || libs.isBlank() ? List.of() : Arrays.asList(libs.split(","));
        List<String> includes = repository.children("include")
                .map(i -> i.attr("name") + "-" + i.attr("version")).toList();
        List<Callable> functions = ns.children("function").map(f -> readCallable(f, CallableKind.FUNCTION, null)).toList();
        List<RecordType> records = new ArrayList<>();
        ns.children("record").forEach(r -> records.add(readRecord(r, false)));
        ns.children("union").forEach(r -> records.add(readRecord(r, true)));
        List<EnumType> enums = new ArrayList<>();
        ns.children("enumeration").forEach(e -> enums.add(readEnum(e, false)));
        ns.children("bitfield").forEach(e -> enums.add(readEnum(e, true)));
        List<CallbackType> callbacks = ns.children("callback").map(GirReader::readCallback).toList();
        List<ClassType> classes = new ArrayList<>();
        ns.children("class").forEach(c -> classes.add(readClass(c, false)));
        ns.children("interface").forEach(c -> classes.add(readClass(c, true)));
        List<Constant> constants = ns.children("constant").map(GirReader::readConstant).toList();
        List<Alias> aliases = ns.children("alias")
                .map(a -> new Alias(a.attr("name"), a.attr("c:type"), readType(a))).toList();
        return new Namespace(ns.attr("name"), ns.attr("version"), sharedLibraries, includes, functions, records,
                enums, callbacks, classes, constants, aliases);
    }

    private static Callable readCallable(XmlElement e, CallableKind kind, String owner) {
        String symbol = e.attr("c:identifier");
        if (symbol == null) {
            throw new IllegalArgumentException("callable '" + e.attr("name") + "' has no c:identifier");
        }
        return new Callable(kind, e.attr("name"), symbol, owner, readReturn(e), readParameters(e), e.flag("throws"),
                !"0".equals(e.attr("introspectable")), doc(e), sourceFile(e));
    }

    /** The header named by {@code <source-position filename=...>}; older GIRs and enums have none. */
    private static String sourceFile(XmlElement e) {
        XmlElement position = e.child("source-position");
        return position == null ? null : position.attr("filename");
    }

    private static List<Callable> callables(XmlElement owner, String element, CallableKind kind) {
        String ownerName = owner.attr("name");
        return owner.children(element).filter(c -> c.attr("c:identifier") != null)
                .map(c -> readCallable(c, kind, ownerName)).toList();
    }

    private static ReturnValue readReturn(XmlElement callable) {
        XmlElement ret = callable.child("return-value");
        if (ret == null) {
            return new ReturnValue(TypeRef.named("none", "void"), Transfer.NONE, false, false);
        }
        return new ReturnValue(readType(ret), Transfer.of(ret.attr("transfer-ownership")),
                ret.flag("nullable") || ret.flag("allow-none"), ret.flag("skip"));
    }

    private static List<Parameter> readParameters(XmlElement callable) {
        XmlElement params = callable.child("parameters");
        if (params == null) {
            return List.of();
        }
        List<Parameter> result = new ArrayList<>();
        for (XmlElement p : params.children()) {
            boolean instance = p.name().equals("instance-parameter");
            if (instance || p.name().equals("parameter")) {
                result.add(readParameter(p, instance));
            }
        }
        return result;
    }

    private static Parameter readParameter(XmlElement p, boolean instance) {
        return new Parameter(p.attr("name"), readType(p), Direction.of(p.attr("direction")),
                Transfer.of(p.attr("transfer-ownership")), p.flag("nullable") || p.flag("allow-none"),
                p.flag("optional"), p.flag("caller-allocates"), instance, p.attr("scope"),
                intAttr(p, "closure"), intAttr(p, "destroy"));
    }

    /** Reads the {@code <type>}, {@code <array>} or {@code <varargs>} child of {@code holder}. */
    static TypeRef readType(XmlElement holder) {
        for (XmlElement child : holder.children()) {
            switch (child.name()) {
                case "type" -> {
                    return TypeRef.named(child.attr("name"), child.attr("c:type"));
                }
                case "array" -> {
                    int fixedSize = intAttr(child, "fixed-size");
                    return TypeRef.array(child.attr("name"), child.attr("c:type"), fixedSize, readType(child));
                }
                case "varargs" -> {
                    return TypeRef.varargs();
                }
                default -> { }
            }
        }
        return null;
    }

    private static RecordType readRecord(XmlElement r, boolean union) {
        List<Field> fields = new ArrayList<>();
        for (XmlElement f : r.children()) {
            switch (f.name()) {
                case "field" -> fields.add(readField(f));
                case "union", "record" -> fields.add(new Field(f.attr("name"), null, 0, false, false, false, null, true));
                default -> { }
            }
        }
        String cType = r.attr("c:type") != null ? r.attr("c:type") : r.attr("glib:type-name");
        return new RecordType(r.attr("name"), cType, union, fields,
                r.flag("disguised") || r.flag("opaque"), r.attr("glib:get-type"), r.attr("glib:is-gtype-struct-for"),
                !"0".equals(r.attr("introspectable")), callables(r, "constructor", CallableKind.CONSTRUCTOR),
                callables(r, "method", CallableKind.METHOD), callables(r, "function", CallableKind.FUNCTION), doc(r));
    }

    private static Field readField(XmlElement f) {
        XmlElement inline = f.child("callback");
        CallbackType callback = inline == null ? null : readCallback(inline);
        boolean anonymous = f.child("union") != null || f.child("record") != null;
        return new Field(f.attr("name"), readType(f), intAttr(f, "bits") < 0 ? 0 : intAttr(f, "bits"),
                f.flag("private"), !"0".equals(f.attr("readable")), f.flag("writable"), callback, anonymous);
    }

    private static EnumType readEnum(XmlElement e, boolean flags) {
        List<EnumMember> members = e.children("member")
                .map(m -> new EnumMember(m.attr("name"), m.attr("c:identifier"), parseValue(m), doc(m))).toList();
        return new EnumType(e.attr("name"), e.attr("c:type"), flags, members,
                callables(e, "function", CallableKind.FUNCTION), e.attr("glib:error-domain"), doc(e));
    }

    /** Parses a member value; values above {@code Long.MAX_VALUE} (unsigned 64-bit) keep their bit pattern. */
    private static long parseValue(XmlElement member) {
        String value = member.attr("value");
        try {
            return new BigInteger(value.trim()).longValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("member " + member.attr("c:identifier") + " has a bad value '" + value + "'");
        }
    }

    private static CallbackType readCallback(XmlElement c) {
        return new CallbackType(c.attr("name"), c.attr("c:type"), readReturn(c), readParameters(c), c.flag("throws"),
                !"0".equals(c.attr("introspectable")), doc(c));
    }

    private static ClassType readClass(XmlElement c, boolean isInterface) {
        List<Callable> constructors = callables(c, "constructor", CallableKind.CONSTRUCTOR);
        List<Callable> methods = callables(c, "method", CallableKind.METHOD);
        List<Callable> functions = callables(c, "function", CallableKind.FUNCTION);
        List<Callable> all = new ArrayList<>(constructors);
        all.addAll(methods);
        all.addAll(functions);
        List<Signal> signals = c.children("signal").map(GirReader::readSignal).toList();
        return new ClassType(c.attr("name"), c.attr("c:type") != null ? c.attr("c:type") : c.attr("glib:type-name"),
                c.attr("parent"), isInterface, c.attr("glib:get-type"), constructors, methods, functions, signals,
                AsyncPairs.match(all), doc(c));
    }

    private static Signal readSignal(XmlElement s) {
        return new Signal(s.attr("name"), s.attr("when"), readReturn(s), readParameters(s), doc(s));
    }

    private static Constant readConstant(XmlElement c) {
        return new Constant(c.attr("name"), c.attr("c:type"), c.attr("value"), readType(c), doc(c));
    }

    private static String doc(XmlElement e) {
        XmlElement doc = e.child("doc");
        return doc == null ? "" : doc.text();
    }

    private static int intAttr(XmlElement e, String key) {
        String v = e.attr(key);
        return v == null ? -1 : Integer.parseInt(v.trim());
    }
}
