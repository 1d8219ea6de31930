package org.wwan4j.bench.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;

/**
 * The floor under the embedded figure: what a host JVM pays to link the downcalls that opening one modem links,
 * with none of the library's own code run. One host opens a modem as the embedded figure's host does, with class
 * loading logged, which names the generated function holders the open path initialised, in order; a second host,
 * alone and settled, links the first of them (the price of the first downcall: the FFM linker's classes, the
 * class-file library it spins its binding classes with, the method-handle forms), then all of them (one stub and
 * its spun classes per distinct C signature), each read as {@link EmbeddedMemory} reads its host.
 */
public final class DowncallFloorMemory {

    /** PSS the links added to the host alone, in kB, and how many downcalls the open path linked. */
    public record Result(long firstLinkKb, long openPathLinksKb, int downcalls) {}

    /** A class-load log line naming a generated function's holder (not the header's shared library lookup). */
    private static final Pattern HOLDER =
            Pattern.compile("\\] (org\\.wwan4j(?:\\.\\w+)*\\.ffi\\.\\w+\\$(\\w+)) source: ");
    private static final String LIBRARY_LOOKUP_HOLDER = "shared";

    private final BenchEnvironment environment;

    public DowncallFloorMemory(BenchEnvironment environment) {
        this.environment = environment;
    }

    public Result measure(Path device) throws Exception {
        List<String> holders = openPathHolders(device);
        if (holders.isEmpty()) {
            throw new IllegalStateException("opening a modem logged no generated downcall holder");
        }
        try (HostJvm host = HostJvm.start(environment, "host-jvm-downcall-floor")) {
            long alone = EmbeddedMemory.settledPss(environment, host);
            host.call("link " + holders.get(0), "linked");
            long first = EmbeddedMemory.settledPss(environment, host);
            host.call("link " + String.join(" ", holders), "linked");
            long all = EmbeddedMemory.settledPss(environment, host);
            return new Result(first - alone, all - alone, holders.size());
        }
    }

    /** The holders a host initialises while it opens {@code device}, in order (nothing after "opened" counted). */
    List<String> openPathHolders(Path device) throws Exception {
        Path classLog = environment.scratch().resolve("host-jvm-open-path-classes.log");
        try (HostJvm host = HostJvm.start(environment, "host-jvm-open-path",
                List.of("-Xlog:class+load=info:file=" + classLog))) {
            host.call("open " + device, "opened");
            return holders(Files.readAllLines(classLog));
        }
    }

    /** The generated function holders that {@code -Xlog:class+load} lines name, in the order they loaded. */
    static List<String> holders(List<String> classLoadLog) {
        List<String> holders = new ArrayList<>();
        for (String line : classLoadLog) {
            Matcher matcher = HOLDER.matcher(line);
            if (matcher.find() && !matcher.group(2).equals(LIBRARY_LOOKUP_HOLDER)) {
                holders.add(matcher.group(1));
            }
        }
        return holders;
    }
}
