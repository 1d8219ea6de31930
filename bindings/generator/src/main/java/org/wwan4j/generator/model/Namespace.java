package org.wwan4j.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One GIR namespace (one {@code .gir} file).
 *
 * @param name             namespace name ({@code Qmi})
 * @param version          namespace version ({@code 1.0})
 * @param sharedLibraries  the sonames of its libraries, in GIR order ({@code libqmi-glib.so.5})
 * @param includes         the namespaces it includes, as {@code Name-Version}
 * @param functions        namespace-level functions
 * @param records          records and unions
 * @param enums            enumerations and bitfields
 * @param callbacks        callback typedefs
 * @param classes          classes and interfaces
 * @param constants        constants (macros)
 * @param aliases          typedef aliases
 */
public record Namespace(String name, String version, List<String> sharedLibraries, List<String> includes,
                        List<Callable> functions, List<RecordType> records, List<EnumType> enums,
                        List<CallbackType> callbacks, List<ClassType> classes, List<Constant> constants,
                        List<Alias> aliases) {

    public Namespace {
        sharedLibraries = List.copyOf(sharedLibraries);
        includes = List.copyOf(includes);
        functions = List.copyOf(functions);
        records = List.copyOf(records);
        enums = List.copyOf(enums);
        callbacks = List.copyOf(callbacks);
        classes = List.copyOf(classes);
        constants = List.copyOf(constants);
        aliases = List.copyOf(aliases);
    }

    /** Every callable of the namespace: functions, and the constructors, methods and functions of every type. */
    public Stream<Callable> allCallables() {
        List<Callable> all = new ArrayList<>(functions);
        for (ClassType c : classes) {
            all.addAll(c.constructors());
            all.addAll(c.methods());
            all.addAll(c.functions());
        }
        for (RecordType r : records) {
            all.addAll(r.constructors());
            all.addAll(r.methods());
            all.addAll(r.functions());
        }
        for (EnumType e : enums) {
            all.addAll(e.functions());
        }
        return all.stream();
    }

    /** Every async start/finish pair of the namespace, whatever type it belongs to. */
    public List<AsyncPair> asyncPairs() {
        return AsyncPairs.match(allCallables().toList());
    }
}
