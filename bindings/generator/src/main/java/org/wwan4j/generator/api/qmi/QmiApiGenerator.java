package org.wwan4j.generator.api.qmi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wwan4j.generator.api.JavaEnumEmitter;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.RecordType;

/**
 * Generates the idiomatic QMI API ({@code org.wwan4j.qmi}) from the Qmi namespace: Java enums for every enum and
 * bitfield, and a client class per {@code QmiClientXxx}. Element records are emitted last, because client
 * records register them while being emitted and one element may refer to another.
 */
public final class QmiApiGenerator {

    static final String PACKAGE = "org.wwan4j.qmi";
    static final JavaEnumEmitter ENUMS = new JavaEnumEmitter(PACKAGE, "Qmi");

    /** Generated files and the coverage per client, in client order. */
    public record Result(List<SourceFile> files, List<String> coverage) { }

    private QmiApiGenerator() {
    }

    public static Result generate(Namespace qmi, QmiFfiView ffiView) {
        QmiFfi ffi = ffiView.ffi();
        ffi.index(qmi);
        Map<String, EnumType> enums = new HashMap<>();
        for (EnumType e : qmi.enums()) {
            enums.put(e.name(), e);
        }
        Map<String, RecordType> records = new HashMap<>();
        for (RecordType r : qmi.records()) {
            records.put(r.name(), r);
        }
        List<ClassType> clients = qmi.classes().stream()
                .filter(c -> c.name().startsWith("Client") && c.name().length() > "Client".length())
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        ElementRecords elements = new ElementRecords(clients.stream().map(c -> c.name().substring(6)).toList());
        ValueKinds kinds = new ValueKinds(enums, records, Set.copyOf(ffi.structs()), elements);
        RecordEmitter recordEmitter = new RecordEmitter(kinds, ffi);
        ClientEmitter clientEmitter = new ClientEmitter(ffi, records, enums.get("Service"), recordEmitter,
                new InputEmitter(kinds, ffi));

        List<SourceFile> files = new ArrayList<>();
        for (EnumType e : qmi.enums()) {
            files.add(ENUMS.emit(e));
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        Coverage total = new Coverage("total");
        List<String> lines = new ArrayList<>();
        for (ClassType client : clients) {
            Coverage coverage = new Coverage(client.name());
            bodies.put(client.name(), clientEmitter.body(client, client.name().substring(6), coverage));
            total.add(coverage);
            lines.add(coverage.toString());
        }
        // Emitting an element can register further elements (nested arrays): repeat until nothing new appears.
        Map<String, String> elementText = new LinkedHashMap<>();
        int before;
        do {
            before = elementText.size();
            for (String owner : new ArrayList<>(bodies.keySet())) {
                for (ElementRecords.Placement p : elements.placedIn(owner)) {
                    elementText.computeIfAbsent(p.qualified(), q -> recordEmitter.element(p, true));
                }
            }
            for (ElementRecords.Placement p : elements.placedIn(null)) {
                elementText.computeIfAbsent(p.qualified(), q -> recordEmitter.element(p, false));
            }
        } while (elementText.size() != before);
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            StringBuilder text = new StringBuilder(body.getValue());
            for (ElementRecords.Placement p : elements.placedIn(body.getKey())) {
                text.append(elementText.get(p.qualified())).append('\n');
            }
            files.add(new SourceFile(body.getKey(), text.append("}\n").toString()));
        }
        for (ElementRecords.Placement p : elements.placedIn(null)) {
            files.add(new SourceFile(p.simpleName(), "package " + PACKAGE + ";\n\n" + elementText.get(p.qualified())));
        }
        lines.add(total + "; clients " + clients.size() + ", enums " + qmi.enums().size()
                + ", element records " + elementText.size());
        return new Result(files, lines);
    }

    /** The ffi layer as the generator sees it; a small public handle so the entry point stays in this package. */
    public record QmiFfiView(QmiFfi ffi) {
        public static QmiFfiView read(java.nio.file.Path includeList) throws java.io.IOException {
            return new QmiFfiView(QmiFfi.read(includeList));
        }
    }
}
