package org.wwan4j.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the code generated for the demo GIR with {@code --release 22 -Xlint:all -Werror}, loads it and
 * checks what it does: constant values and widths, struct layout, function pointers through a real upcall
 * stub, and lazy linking (libdemo does not exist, yet the header class loads and only calls fail).
 */
class GeneratedCodeTest {

    private static final String PKG = "org.example.demo.ffi.";

    @TempDir
    static Path work;

    private static URLClassLoader loader;
    private static Class<?> header;

    @BeforeAll
    static void compileAndLoad() throws Exception {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        DemoGir.generate("@" + DemoGir.includes(), "--output", sources.toString());
        List<String> args = new ArrayList<>(List.of("--release", "22", "-Xlint:all", "-Werror", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, "generated code must compile without warnings:\n" + errors.toString(StandardCharsets.UTF_8));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedCodeTest.class.getClassLoader());
        header = loader.loadClass(PKG + "demo_h");
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    private static Object call(Class<?> owner, String name, Object... args) throws Throwable {
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void sixtyFourBitFlagsAreLongConstants() throws Throwable {
        assertEquals(long.class, header.getMethod("DEMO_BAND_HIGH").getReturnType());
        assertEquals(1L << 40, call(header, "DEMO_BAND_HIGH"));
        assertEquals(0x8000_0000L, call(header, "DEMO_BAND_MID"));
        assertEquals(8L, ((MemoryLayout) header.getField("DemoBand").get(null)).byteSize());
    }

    @Test
    void thirtyTwoBitEnumsAreIntsWithUnsignedValuesAsBitPatterns() throws Throwable {
        assertEquals(int.class, header.getMethod("DEMO_MESSAGE_TYPE_OPEN_DONE").getReturnType());
        assertEquals(0x8000_0001, call(header, "DEMO_MESSAGE_TYPE_OPEN_DONE"));
        assertEquals(-1, call(header, "DEMO_RATE_UNKNOWN"));
        assertEquals(2, call(header, "DEMO_SMALL_B"));
        assertEquals(4L, ((MemoryLayout) header.getField("DemoMessageType").get(null)).byteSize());
    }

    @Test
    void macrosAreNumbersOrLazilyAllocatedStrings() throws Throwable {
        assertEquals(255, call(header, "DEMO_MAX_CLIENTS"));
        MemorySegment name = (MemorySegment) call(header, "DEMO_NAME");
        assertEquals("demo \"device\"", name.getString(0));
    }

    @Test
    void structClassFollowsTheCLayoutWithPaddingAndBitFieldStorage() throws Throwable {
        Class<?> point = loader.loadClass(PKG + "DemoPoint");
        assertEquals(40L, call(point, "sizeof"));
        assertEquals(8L, call(point, "name$offset"));
        assertEquals(16L, call(point, "id$offset"));
        assertEquals(24L, call(point, "band$offset"));
        assertEquals(32L, call(point, "rate$offset"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = (MemorySegment) call(point, "allocate", arena);
            call(point, "x", p, 7);
            call(point, "band", p, 1L << 40);
            assertEquals(7, call(point, "x", p));
            assertEquals(1L << 40, call(point, "band", p));
            assertEquals(4L, ((MemorySegment) call(point, "id", p)).byteSize());
        }
    }

    @Test
    void functionPointerClassRoundTripsThroughAnUpcallStub() throws Throwable {
        Class<?> fn = loader.loadClass(PKG + "DemoVisitFn");
        Class<?> iface = loader.loadClass(PKG + "DemoVisitFn$Function");
        Object doubler = Proxy.newProxyInstance(loader, new Class<?>[] {iface},
                (proxy, method, args) -> method.getName().equals("apply")
                        ? (int) (((MemorySegment) args[0]).getString(0).length() + (long) args[1])
                        : method.invoke(this, args));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stub = (MemorySegment) call(fn, "allocate", doubler, arena);
            Object result = call(fn, "invoke", stub, arena.allocateFrom("abc"), 39L, MemorySegment.NULL);
            assertEquals(42, result);
        }
    }

    @Test
    void missingLibraryFailsOnlyTheCallNamingTheSymbol() {
        Throwable thrown = assertThrows(Throwable.class, () -> call(header, "demo_version_string"));
        boolean namesSymbol = false;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            namesSymbol |= t instanceof UnsatisfiedLinkError && t.getMessage().contains("demo_version_string");
        }
        assertTrue(namesSymbol, "expected an UnsatisfiedLinkError naming the symbol, got " + thrown);
    }

    @Test
    void wrappersKeepCParameterOrderAndCarrierTypes() throws Exception {
        Method visit = null;
        for (Method m : header.getMethods()) {
            if (m.getName().equals("demo_device_visit")) {
                visit = m;
            }
        }
        assertEquals(double.class, visit.getReturnType());
        assertEquals(List.of(MemorySegment.class, long.class, int.class, MemorySegment.class, MemorySegment.class),
                List.of(visit.getParameterTypes()));
        Method getVersion = header.getMethod("demo_device_get_version", MemorySegment.class, MemorySegment.class,
                MemorySegment.class, MemorySegment.class);
        assertEquals(int.class, getVersion.getReturnType());
    }
}
