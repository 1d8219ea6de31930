package org.wwan4j.bench.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * The C MBIM client run inside this JVM: its whole program ({@code wwan4j_mbim_baseline_main} in
 * {@code native/target/libwwan4j-mbim-baseline.so}) called through one downcall on the calling thread, which then
 * runs the client's own GLib loop until its requests are done. Against the same client as a process it shows what
 * a JVM process costs C code (its threads, its address space, its signal handling); against the bare FFM client
 * ({@link BareFfmMbimLatency}), in the same process, what FFM costs per request.
 */
final class CInJvmMbimLatency {

    private static final String ENTRY = "wwan4j_mbim_baseline_main";

    private CInJvmMbimLatency() {}

    /** Runs the client with the C program's options; it writes {@code samplesFile} itself, as the program does. */
    static void run(Path library, Path device, int count, int warmup, Path samplesFile) throws IOException {
        List<String> arguments = List.of("mbim-baseline", "--device", device.toString(), "--request", "device-caps",
                "--count", Integer.toString(count), "--warmup", Integer.toString(warmup),
                "--samples", samplesFile.toString());
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup client = SymbolLookup.libraryLookup(library, arena);
            MethodHandle main = Linker.nativeLinker().downcallHandle(client.find(ENTRY).orElseThrow(
                    () -> new IOException(library + " has no " + ENTRY)), FunctionDescriptor.of(JAVA_INT, JAVA_INT,
                    ADDRESS));
            MemorySegment argv = arena.allocate(ADDRESS, arguments.size() + 1); // NULL-terminated, as C's argv
            for (int i = 0; i < arguments.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(arguments.get(i)));
            }
            int status = call(main, arguments.size(), argv);
            if (status != 0) {
                throw new IOException("the C MBIM client exited with " + status);
            }
        }
    }

    /** {@code invokeExact} declares Throwable; a C function throws nothing checked, so only errors pass. */
    private static int call(MethodHandle main, int argc, MemorySegment argv) {
        try {
            return (int) main.invokeExact(argc, argv);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
