package org.wwan4j.generator.api.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wwan4j.generator.api.ApiNames;
import org.wwan4j.generator.model.AsyncPair;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Parameter;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.Signal;

/**
 * Emits one QMI client class ({@code QmiClientNas} gives {@code ClientNas}): a request method per async pair
 * returning {@code LoopFuture<Output>}, input builders, output and indication records, and an
 * {@code onXxx(listener)} subscription per indication signal. The plumbing (starting, finishing, checking the
 * result TLV, deadlines, signal handlers) is the hand-written {@code QmiClient} base class.
 */
final class ClientEmitter {

    /** Members of QmiClient that generated methods must not hide. */
    private static final Set<String> BASE_MEMBERS = Set.of("close", "cid", "service", "device", "release",
            "request", "subscribe", "detach", "isClosed", "kind");

    private final QmiFfi ffi;
    private final Map<String, RecordType> records;
    private final EnumType serviceEnum;
    private final RecordEmitter recordEmitter;
    private final InputEmitter inputEmitter;

    ClientEmitter(QmiFfi ffi, Map<String, RecordType> records, EnumType serviceEnum, RecordEmitter recordEmitter,
                  InputEmitter inputEmitter) {
        this.ffi = ffi;
        this.records = records;
        this.serviceEnum = serviceEnum;
        this.recordEmitter = recordEmitter;
        this.inputEmitter = inputEmitter;
    }

    /** The body of the client class (without its closing brace and nested element records). */
    String body(ClassType client, String service, Coverage coverage) {
        String javaName = client.name();
        StringBuilder methods = new StringBuilder();
        StringBuilder types = new StringBuilder();
        List<String> usedTypes = new ArrayList<>();
        for (AsyncPair pair : client.asyncPairs()) {
            String problem = request(pair, service, methods, types, usedTypes, coverage);
            if (problem != null) {
                coverage.requestsSkipped++;
                methods.append("    // skipped request ").append(pair.start().name()).append(": ").append(problem)
                        .append("\n\n");
            }
        }
        for (Signal signal : client.signals()) {
            String problem = indication(signal, service, methods, types, usedTypes, coverage);
            if (problem != null) {
                coverage.indicationsSkipped++;
                methods.append("    // skipped indication ").append(signal.name()).append(": ").append(problem)
                        .append("\n\n");
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("package org.wwan4j.qmi;\n\n");
        out.append("/**\n * The QMI ").append(service.toUpperCase(java.util.Locale.ROOT))
                .append(" client ({@code ").append(client.cType()).append("}): one method per request, one")
                .append(" {@code onXxx} per indication.\n * <p>Generated from the libqmi GIR; never edit.\n */\n");
        out.append("public final class ").append(javaName).append(" extends QmiClient {\n\n");
        String member = serviceMember(service);
        if (member != null) {
            out.append("    /** Allocates this client: {@code device.allocate(").append(javaName)
                    .append(".KIND)}. */\n    public static final QmiClientKind<").append(javaName)
                    .append("> KIND = new QmiClientKind<>(org.wwan4j.qmi.Service.").append(member).append(", ")
                    .append(javaName).append(".class, ").append(javaName).append("::new);\n\n");
        }
        out.append("    ").append(javaName).append("(QmiClient.Binding binding) {\n        super(binding);\n    }\n\n");
        out.append(methods).append(types);
        return out.toString();
    }

    private String serviceMember(String service) {
        if (serviceEnum == null) {
            return null;
        }
        return serviceEnum.members().stream().map(m -> m.name().toUpperCase(java.util.Locale.ROOT))
                .filter(n -> n.equals(service.toUpperCase(java.util.Locale.ROOT))).findFirst().orElse(null);
    }

    private String request(AsyncPair pair, String service, StringBuilder methods, StringBuilder types,
                           List<String> usedTypes, Coverage coverage) {
        Callable start = pair.start();
        Callable finish = pair.finish();
        if (!ffi.hasFunction(start.cIdentifier()) || !ffi.hasFunction(finish.cIdentifier())) {
            return "not in the ffi layer";
        }
        List<Parameter> params = start.parameters().stream().filter(p -> !p.instance()).toList();
        if (params.size() != 5 || !"guint".equals(params.get(1).type().girName())) {
            return "not a (input, timeout, cancellable, callback, user_data) request";
        }
        RecordType output = records.get(finish.returnValue().type().girName());
        if (output == null || !output.name().endsWith("Output")) {
            return "finish does not return an output bundle";
        }
        String result = cFunction(output, "get_result");
        String outputUnref = cFunction(output, "unref");
        if (result == null || outputUnref == null) {
            return "output bundle lacks get_result/unref in the ffi layer";
        }
        String inputGir = params.get(0).type().girName();
        RecordType input = "gpointer".equals(inputGir) ? null : records.get(inputGir);
        if (!"gpointer".equals(inputGir) && input == null) {
            return "input of type " + inputGir;
        }
        String what = service.toUpperCase(java.util.Locale.ROOT) + " '" + start.name() + "'";
        String base = ApiNames.upperCamel(start.name());
        String outputName = unique(base + "Output", usedTypes);
        types.append(recordEmitter.output(outputName, output, "Response of " + what + ".", true, coverage)).append('\n');
        String inputName = null;
        if (input != null) {
            inputName = unique(base + "Input", usedTypes);
            String builder = inputEmitter.emit(inputName, input, what, coverage);
            if (builder == null) {
                return "input bundle cannot be created through the ffi layer";
            }
            types.append(builder).append('\n');
        }
        coverage.requests++;
        String method = ApiNames.lowerCamel(start.name());
        if (BASE_MEMBERS.contains(method)) {
            method = method + "Request";
        }
        String future = "org.wwan4j.glib.LoopFuture<" + outputName + ">";
        String timeout = "java.time.Duration.ofSeconds(" + defaultTimeoutSeconds(start.name()) + ")";

        String inputParam = inputName == null ? "" : inputName + " input";
        String inputArg = inputName == null ? "null" : "input";
        methods.append("    /** Sends ").append(what).append(" with the given timeout (libqmi's, plus a Java-side deadline). */\n")
                .append("    public ").append(future).append(' ').append(method).append('(')
                .append(inputParam).append(inputName == null ? "" : ", ").append("java.time.Duration timeout) {\n")
                .append("        return request(\"").append(start.name()).append("\", timeout, ").append(inputArg).append(",\n")
                .append("                ").append(reference(start.cIdentifier())).append(",\n")
                .append("                ").append(reference(finish.cIdentifier())).append(",\n")
                .append("                ").append(reference(result)).append(",\n")
                .append("                ").append(reference(outputUnref)).append(",\n")
                .append("                ").append(outputName).append("::read);\n    }\n\n");
        methods.append("    /** Sends ").append(what).append(" with the default timeout. */\n")
                .append("    public ").append(future).append(' ').append(method).append('(').append(inputParam)
                .append(") {\n        return ").append(method).append('(').append(inputName == null ? "" : "input, ")
                .append(timeout).append(");\n    }\n\n");
        if (input != null) {
            // Offered for every input: libqmi itself rejects a request whose mandatory TLVs are missing.
            methods.append("    /** Sends ").append(what).append(" without input TLVs, with the default timeout. */\n")
                    .append("    public ").append(future).append(' ').append(method).append("() {\n")
                    .append("        return ").append(method).append("(new ").append(inputName).append("(), ")
                    .append(timeout).append(");\n    }\n\n");
        }
        return null;
    }

    private String indication(Signal signal, String service, StringBuilder methods, StringBuilder types,
                              List<String> usedTypes, Coverage coverage) {
        if (signal.parameters().isEmpty()) {
            // An indication without TLVs (e.g. PDS "gps-ready"): the listener is only told that it came.
            String base = ApiNames.upperCamel(signal.name());
            coverage.indications++;
            methods.append("    /** Calls the listener (off the loop thread, in order) for every ")
                    .append(service.toUpperCase(java.util.Locale.ROOT)).append(" '").append(signal.name())
                    .append("' indication, which carries no values. */\n")
                    .append("    public QmiSubscription on").append(base).append("(java.lang.Runnable listener) {\n")
                    .append("        return subscribe(\"").append(signal.name()).append("\", listener);\n    }\n\n");
            return null;
        }
        if (signal.parameters().size() != 1) {
            return "takes " + signal.parameters().size() + " arguments";
        }
        RecordType output = records.get(signal.parameters().get(0).type().girName());
        if (output == null) {
            return "argument of type " + signal.parameters().get(0).type().girName();
        }
        String base = ApiNames.upperCamel(signal.name());
        String recordName = unique(base + "Indication", usedTypes);
        String what = service.toUpperCase(java.util.Locale.ROOT) + " '" + signal.name() + "' indication";
        types.append(recordEmitter.output(recordName, output, "The " + what + ".", false, coverage)).append('\n');
        coverage.indications++;
        methods.append("    /** Calls the listener (off the loop thread, in order) for every ").append(what)
                .append("; close the subscription to stop. */\n")
                .append("    public QmiSubscription on").append(base).append("(java.util.function.Consumer<? super ")
                .append(recordName).append("> listener) {\n        return subscribe(\"").append(signal.name())
                .append("\", ").append(recordName).append("::read, listener);\n    }\n\n");
        return null;
    }

    /** A method reference to the ffi wrapper of C function {@code cName}, in the header class that holds it. */
    private String reference(String cName) {
        return ffi.classOf(cName) + "::" + cName;
    }

    private String cFunction(RecordType record, String name) {
        return record.methods().stream().filter(m -> m.name().equals(name)).map(Callable::cIdentifier)
                .filter(ffi::hasFunction).findFirst().orElse(null);
    }

    /** Scans take minutes on real modems and connecting can take a while; everything else answers in seconds. */
    static int defaultTimeoutSeconds(String request) {
        if (request.contains("scan")) {
            return 300;
        }
        if (request.equals("start_network") || request.equals("stop_network")) {
            return 60;
        }
        return 10;
    }

    private static String unique(String name, List<String> used) {
        String candidate = name;
        while (used.contains(candidate)) {
            candidate = candidate + "_";
        }
        used.add(candidate);
        return candidate;
    }
}
