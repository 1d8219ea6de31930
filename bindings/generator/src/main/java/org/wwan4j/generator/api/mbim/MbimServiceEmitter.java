package org.wwan4j.generator.api.mbim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.generator.api.mbim.MbimCallShape.Slot;
import org.wwan4j.generator.api.mbim.MbimMessageCatalog.Command;
import org.wwan4j.generator.api.mbim.MbimMessageCatalog.Service;
import org.wwan4j.generator.emit.HeaderClasses;
import org.wwan4j.generator.emit.JavaText;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.model.Callable;

/**
 * Emits one service class ({@code BasicConnect}) bound to an {@code MbimDevice}: per CID a query and/or set method
 * returning a {@code LoopFuture} of the parsed response, and an {@code onXxx} subscription per notification.
 *
 * <p>Requests with more than {@value #MAX_PLAIN_ARGUMENTS} arguments take a request record with a builder, so a
 * call site names every argument ({@code connect} has nine).
 */
final class MbimServiceEmitter {

    private static final int MAX_PLAIN_ARGUMENTS = 3;

    private final String targetPackage;
    private final String ffiPackage;
    private final HeaderClasses headerClasses;
    private final MbimTypeMapper mapper;
    private final java.util.Set<String> topLevelNames;

    /** @param topLevelNames the package's other types, which nested record names must not shadow */
    MbimServiceEmitter(String targetPackage, String ffiPackage, HeaderClasses headerClasses, MbimTypeMapper mapper,
                       java.util.Set<String> topLevelNames) {
        this.topLevelNames = topLevelNames;
        this.targetPackage = targetPackage;
        this.ffiPackage = ffiPackage;
        this.headerClasses = headerClasses;
        this.mapper = mapper;
    }

    SourceFile emit(Service service, String className, MbimCoverage coverage) {
        StringBuilder body = new StringBuilder();
        for (Command command : service.commands()) {
            emitCommand(service, command, body, coverage);
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(targetPackage).append(";\n\n");
        out.append("""
                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.net.InetAddress;
                import java.util.List;
                import java.util.Objects;
                import java.util.Set;
                import java.util.UUID;
                import java.util.function.Consumer;
                import org.wwan4j.glib.EnumValue;
                import org.wwan4j.glib.FlagSet;
                import org.wwan4j.glib.LoopFuture;
                import %s.*;

                """.formatted(ffiPackage));
        out.append("/**\n * The '").append(JavaText.doc(service.docName().replaceAll(" V\\d+$", "")))
                .append("' MBIM service on one device: typed requests built and parsed by libmbim.\n")
                .append(" * <p>Every request runs on the device's GLib loop thread; futures complete there and dependent\n")
                .append(" * stages run on {@link LoopFuture#callbacks()}. Generated from Mbim-1.0.gir; never edit.\n */\n");
        out.append("public final class ").append(className).append(" {\n\n");
        out.append("    /** The {@code MbimService} value of this service. */\n");
        out.append("    public static final int SERVICE = ").append(service.value()).append(";\n\n");
        out.append("    private final MbimDevice device;\n\n");
        out.append("    public ").append(className).append("(MbimDevice device) {\n");
        out.append("        this.device = Objects.requireNonNull(device, \"device\");\n    }\n\n");
        out.append("    public MbimDevice device() {\n        return device;\n    }\n");
        out.append(body);
        out.append("}\n");
        return new SourceFile(className, out.toString());
    }

    private void emitCommand(Service service, Command command, StringBuilder out, MbimCoverage coverage) {
        String stem = command.javaStem();
        String responseType = null;
        MbimCallShape responseShape = null;
        if (command.response != null) {
            responseShape = MbimCallShape.of(command.response, mapper, true);
            responseType = nestedName(stem + "Response");
            emitRecord(out, responseType, command.response, responseShape, coverage);
            emitParser(out, "parse" + stem + "Response", responseType, command.response, responseShape);
        }
        String label = service.name() + "/" + command.cid + (command.version.isEmpty() ? "" : "/" + command.version);
        if (command.query != null) {
            if (emitRequest(out, "query" + stem, "Query", stem, label + " query", command.query, responseType,
                    stem + "Response")) {
                coverage.queries++;
            } else {
                coverage.queriesSkipped++;
                coverage.skipped.add(command.query.cIdentifier());
            }
        }
        if (command.set != null) {
            if (emitRequest(out, "set" + stem, "Set", stem, label + " set", command.set, responseType,
                    stem + "Response")) {
                coverage.sets++;
            } else {
                coverage.setsSkipped++;
                coverage.skipped.add(command.set.cIdentifier());
            }
        }
        if (command.notification != null) {
            MbimCallShape shape = MbimCallShape.of(command.notification, mapper, true);
            String type;
            if (responseShape != null && shape.sameComponents(responseShape)) {
                type = responseType;
            } else {
                type = nestedName(stem + "Notification");
                emitRecord(out, type, command.notification, shape, coverage);
            }
            emitParser(out, "parse" + stem + "Notification", type, command.notification, shape);
            out.append("\n    /** Calls {@code listener} with every '").append(command.cid).append("' notification")
                    .append(" (on {@link LoopFuture#callbacks()}); close the result to stop. */\n");
            out.append("    public MbimSubscription on").append(stem).append("(Consumer<").append(type)
                    .append("> listener) {\n");
            out.append("        return device.subscribe(SERVICE, ").append(command.cidValue).append(", ")
                    .append(JavaText.stringLiteral(label + " notification")).append(", ")
                    .append(parserLambda(stem + "Notification")).append(", listener);\n    }\n");
            coverage.notifications++;
        }
    }

    private static void emitRecord(StringBuilder out, String type, Callable parser, MbimCallShape shape,
                                   MbimCoverage coverage) {
        List<String> components = new ArrayList<>();
        for (Slot slot : shape.visible()) {
            components.add(slot.type.get().javaType() + " " + slot.javaName());
        }
        List<Slot> unsupported = shape.unsupported();
        coverage.outParametersSkipped += unsupported.size();
        out.append("\n    /**\n     * What {@code ").append(parser.cIdentifier()).append("} returns.");
        if (!unsupported.isEmpty()) {
            out.append("\n     * <p>Not carried (no Java mapping yet): ");
            out.append(String.join(", ", unsupported.stream().map(s -> s.parameter.name()).toList())).append('.');
        }
        out.append("\n     */\n    public record ").append(type).append("(").append(String.join(", ", components))
                .append(") {\n    }\n");
    }

    private void emitParser(StringBuilder out, String method, String type, Callable parser, MbimCallShape shape) {
        out.append("\n    private static ").append(type).append(" ").append(method)
                .append("(MemorySegment message, Arena arena, MemorySegment errorSlot) {\n");
        List<String> arguments = new ArrayList<>();
        arguments.add("message");
        for (Slot slot : shape.slots) {
            if (slot.type.isEmpty()) {
                arguments.add("MemorySegment.NULL");
                continue;
            }
            out.append("        MemorySegment ").append(slot.local()).append(" = arena.allocate(")
                    .append(MbimValueCode.slotLayout(slot.type.get().kind())).append(");\n");
            arguments.add(slot.local());
        }
        arguments.add("errorSlot");
        out.append("        if (").append(headerClasses.of(parser)).append(".").append(parser.cIdentifier()).append("(")
                .append(String.join(", ", arguments)).append(") == 0) {\n");
        out.append("            return null; // the GError in errorSlot says why\n        }\n");
        List<String> reads = new ArrayList<>();
        for (Slot slot : shape.visible()) {
            String count = slot.count == null ? null
                    : MbimValueCode.readOut(slot.count.type.get(), slot.count.local(), null);
            reads.add(MbimValueCode.readOut(slot.type.get(), slot.local(), count));
        }
        out.append("        return new ").append(type).append("(");
        for (int i = 0; i < reads.size(); i++) {
            out.append(i == 0 ? "\n                " : ",\n                ").append(reads.get(i));
        }
        out.append(");\n    }\n");
    }

    /** Emits one request method; false when a builder argument has no Java mapping (then nothing is emitted). */
    private boolean emitRequest(StringBuilder out, String method, String kind, String stem, String label,
                                Callable builder, String responseType, String responseRecord) {
        MbimCallShape shape = MbimCallShape.of(builder, mapper, false);
        if (!shape.unsupported().isEmpty()) {
            return false;
        }
        List<Slot> visible = shape.visible();
        boolean viaRecord = visible.size() > MAX_PLAIN_ARGUMENTS;
        String requestType = nestedName(stem + kind + "Request");
        Map<Slot, String> values = new HashMap<>();
        for (Slot slot : visible) {
            values.put(slot, viaRecord ? "request." + slot.javaName() + "()" : slot.javaName());
        }
        if (viaRecord) {
            emitRequestRecord(out, requestType, visible, builder);
        }
        String result = responseType == null ? "Void" : responseType;
        List<String> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (viaRecord) {
            params.add(requestType + " request");
            names.add("request");
        } else {
            for (Slot slot : visible) {
                params.add(slot.type.get().javaType() + " " + slot.javaName());
                names.add(slot.javaName());
            }
        }
        // A builder argument may itself be called "timeout" (libmbim's proxy configuration has one).
        String timeoutName = names.contains("timeout") ? "requestTimeout" : "timeout";
        out.append("\n    /** Sends {@code ").append(builder.cIdentifier()).append("}");
        out.append(responseType == null ? "; the future completes when the modem has answered" : " and parses the answer"
                + (stem.matches(".*V\\d+") ? " in its MBIMEx " + stem.replaceAll(".*V", "v")
                + " format (open the device with that version)" : ""));
        out.append(". Uses the device's timeout. */\n");
        out.append("    public LoopFuture<").append(result).append("> ").append(method).append("(")
                .append(String.join(", ", params)).append(") {\n");
        List<String> forwarded = new ArrayList<>(names);
        forwarded.add("device.options().timeout()");
        out.append("        return ").append(method).append("(").append(String.join(", ", forwarded)).append(");\n    }\n");
        out.append("\n    /** Sends {@code ").append(builder.cIdentifier()).append("} with its own timeout (libmbim's; the")
                .append(" Java-side deadline adds the device's grace). */\n");
        List<String> timedParams = new ArrayList<>(params);
        timedParams.add("java.time.Duration " + timeoutName);
        out.append("    public LoopFuture<").append(result).append("> ").append(method).append("(")
                .append(String.join(", ", timedParams)).append(") {\n");
        if (viaRecord) {
            out.append("        Objects.requireNonNull(request, \"request\");\n");
        }
        List<String> arguments = new ArrayList<>();
        for (Slot slot : shape.slots) {
            if (slot.isCount) {
                Slot array = shape.slots.get(shape.slots.indexOf(slot) + 1);
                arguments.add(MbimValueCode.inLength(array.type.get(), slot.type.get(), values.get(array)));
            } else {
                arguments.add(MbimValueCode.inArgument(slot.type.get(), values.get(slot)));
            }
        }
        arguments.add("errorSlot");
        out.append("        return device.command(").append(JavaText.stringLiteral(label)).append(", ").append(timeoutName)
                .append(",\n");
        out.append("                (arena, errorSlot) -> ").append(headerClasses.of(builder)).append(".")
                .append(builder.cIdentifier()).append("(").append(String.join(", ", arguments)).append("),\n");
        out.append("                ").append(responseType == null ? "MbimDevice.noResponse()"
                : parserLambda(responseRecord)).append(");\n    }\n");
        return true;
    }

    /** A nested record name that does not shadow a top-level type ({@code UssdResponse} is also an enum). */
    private String nestedName(String name) {
        return topLevelNames.contains(name) ? name + "Record" : name;
    }

    private static String parserLambda(String responseRecord) {
        return "(message, arena, errorSlot) -> parse" + responseRecord + "(message, arena, errorSlot)";
    }

    private static void emitRequestRecord(StringBuilder out, String type, List<Slot> visible, Callable builder) {
        List<String> components = new ArrayList<>();
        for (Slot slot : visible) {
            components.add(slot.type.get().javaType() + " " + slot.javaName());
        }
        out.append("\n    /** The arguments of {@code ").append(builder.cIdentifier())
                .append("}; build one with {@link #builder()}. */\n");
        out.append("    public record ").append(type).append("(").append(String.join(", ", components)).append(") {\n\n");
        emitRedactingToString(out, type, visible);
        out.append("        public static Builder builder() {\n            return new Builder();\n        }\n\n");
        out.append("        /** Collects the arguments; numbers default to 0, flag sets and lists to empty, the rest to null. */\n");
        out.append("        public static final class Builder {\n");
        for (Slot slot : visible) {
            out.append("            private ").append(slot.type.get().javaType()).append(" ").append(slot.javaName())
                    .append(emptyDefault(slot.type.get().kind())).append(";\n");
        }
        for (Slot slot : visible) {
            String name = slot.javaName();
            out.append("\n            public Builder ").append(name).append("(").append(slot.type.get().javaType())
                    .append(" value) {\n                this.").append(name).append(" = value;\n")
                    .append("                return this;\n            }\n");
        }
        out.append("\n            public ").append(type).append(" build() {\n");
        List<String> names = new ArrayList<>();
        for (Slot slot : visible) {
            names.add(slot.javaName());
        }
        out.append("                return new ").append(type).append("(").append(String.join(", ", names))
                .append(");\n            }\n        }\n    }\n");
    }

    /** Secrets (passwords, PINs) must never reach a log line, so request records print them as "***". */
    private static void emitRedactingToString(StringBuilder out, String type, List<Slot> visible) {
        boolean secret = visible.stream().anyMatch(MbimServiceEmitter::isSecret);
        if (!secret) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Slot slot : visible) {
            String name = slot.javaName();
            parts.add("\"" + name + "=\" + " + (isSecret(slot) ? "(" + name + " == null ? \"null\" : \"***\")" : name));
        }
        out.append("        @Override\n        public String toString() {\n            return \"").append(type)
                .append("[\" + ").append(String.join(" + \", \" + ", parts)).append(" + \"]\";\n        }\n\n");
    }

    private static String emptyDefault(MbimValueKind kind) {
        return switch (kind) {
            case FLAGS -> " = Set.of()";
            case STRUCT_ARRAY, IPV4_ARRAY, IPV6_ARRAY -> " = List.of()";
            default -> "";
        };
    }

    private static boolean isSecret(Slot slot) {
        String name = slot.javaName().toLowerCase(java.util.Locale.ROOT);
        return slot.type.get().kind() == MbimValueKind.STRING
                && (name.contains("password") || name.equals("pin") || name.equals("newpin") || name.contains("puk"));
    }
}
