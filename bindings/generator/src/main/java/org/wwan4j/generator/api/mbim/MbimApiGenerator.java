package org.wwan4j.generator.api.mbim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wwan4j.generator.api.JavaEnumEmitter;
import org.wwan4j.generator.emit.HeaderClasses;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.RecordType;

/** Turns the Mbim namespace into the API sources: enums, struct records and one class per service. */
public final class MbimApiGenerator {

    public static final String TARGET_PACKAGE = "org.wwan4j.mbim";
    static final String FFI_PACKAGE = "org.wwan4j.mbim.ffi";
    static final String HEADER_CLASS = "libmbim_glib_h";
    /**
     * Where each libmbim function's wrapper lives: one header class per C header, as headers/mbim.txt asks with
     * {@code --header-class-per-file} (a mismatch leaves the generated API naming classes that do not exist, and
     * the build fails to compile).
     */
    static final HeaderClasses HEADER_CLASSES = new HeaderClasses(HEADER_CLASS, true);
    private static final String PREFIX = "Mbim";

    private final Namespace namespace;
    private final JavaEnumEmitter enums = new JavaEnumEmitter(TARGET_PACKAGE, PREFIX);
    private final MbimStructNames structNames;
    private final MbimTypeMapper mapper;
    private final MbimMessageCatalog catalog;
    private final List<MbimCoverage> coverage = new ArrayList<>();

    public MbimApiGenerator(Namespace namespace) {
        this.namespace = namespace;
        this.structNames = new MbimStructNames(namespace, enums, PREFIX);
        this.mapper = new MbimTypeMapper(namespace, enums, structNames);
        structNames.classify(mapper);
        this.catalog = new MbimMessageCatalog(namespace);
    }

    public List<SourceFile> generate() {
        List<SourceFile> files = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (EnumType e : namespace.enums()) {
            SourceFile file = enums.emit(e);
            if (taken.add(file.className())) {
                files.add(file);
            }
        }
        MbimStructRecordEmitter records = new MbimStructRecordEmitter(TARGET_PACKAGE, FFI_PACKAGE, mapper, structNames);
        for (RecordType r : structNames.all()) {
            SourceFile file = records.emit(r);
            if (taken.add(file.className())) {
                files.add(file);
            }
        }
        MbimServiceEmitter services = new MbimServiceEmitter(TARGET_PACKAGE, FFI_PACKAGE, HEADER_CLASSES, mapper, taken);
        coverage.clear();
        for (MbimMessageCatalog.Service service : catalog.services()) {
            String className = service.className();
            if (!taken.add(className)) {
                className = className + "Service";
                taken.add(className);
            }
            MbimCoverage serviceCoverage = new MbimCoverage(className);
            files.add(services.emit(service, className, serviceCoverage));
            coverage.add(serviceCoverage);
        }
        return files;
    }

    List<MbimCoverage> coverage() {
        return List.copyOf(coverage);
    }

    List<String> unresolved() {
        return catalog.unresolved();
    }

    String totals() {
        int q = 0, qs = 0, s = 0, ss = 0, n = 0, ns = 0, out = 0;
        for (MbimCoverage c : coverage) {
            q += c.queries;
            qs += c.queriesSkipped;
            s += c.sets;
            ss += c.setsSkipped;
            n += c.notifications;
            ns += c.notificationsSkipped;
            out += c.outParametersSkipped;
        }
        return "total: queries %d/%d, sets %d/%d, notifications %d/%d, out-params skipped %d"
                .formatted(q, q + qs, s, s + ss, n, n + ns, out);
    }
}
