package org.wwan4j.bench.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A host JVM (started with the launcher's flags, in a process of its own): for the embedded-memory measurement a
 * JVM that does nothing until told to manage modems through the library, so its PSS before and after is the
 * library's marginal cost; and the process the Java latency and indication contenders run in, as deployed. Driven
 * line by line on stdin: {@code open PATH} (open a modem, make some requests), {@code settle} (cycle the young
 * generation), {@code link CLASS...} (initialise generated downcall holders, nothing else: {@link DowncallLinks}),
 * {@code latency qmi|mbim PATH COUNT WARMUP FILE}, {@code bare-latency mbim PATH COUNT WARMUP FILE} (the same
 * requests through bare FFM: {@link BareFfmMbimLatency}), {@code c-in-jvm LIBRARY mbim PATH COUNT WARMUP FILE} (the
 * C client inside this JVM: {@link CInJvmMbimLatency}), {@code listen PATH}, {@code quit}; answers {@code ready},
 * {@code opened}, {@code settled}, {@code linked}, {@code measured}, {@code listening} or {@code error: ...}.
 *
 * <p>Nothing of wwan4j is loaded before the first {@code open}: {@link HostedModems} is only touched then.
 */
public final class HostJvmMain {

    /** Garbage allocated by "settle": several times the young generation a -Xmx32m SerialGC heap starts with. */
    private static final int SETTLE_ALLOCATION_MB = 64;
    private static final int CHUNK_BYTES = 4_096;

    private HostJvmMain() {}

    public static void main(String[] args) throws Exception {
        HostedModems modems = null;
        java.util.List<AutoCloseable> listeners = new java.util.ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        String line;
        while ((line = in.readLine()) != null) {
            try {
                if (line.startsWith("open ")) {
                    if (modems == null) {
                        modems = new HostedModems();
                    }
                    modems.open(Path.of(line.substring("open ".length()).trim()));
                    System.out.println("opened");
                } else if (line.equals("settle")) {
                    settle();
                    System.out.println("settled");
                } else if (line.startsWith("link ")) {
                    DowncallLinks.link(java.util.Arrays.asList(line.substring("link ".length()).trim().split(" +")));
                    System.out.println("linked");
                } else if (line.startsWith("latency ")) {
                    String[] words = line.split(" ");
                    HostedLatency.run(words[1], Path.of(words[2]), Integer.parseInt(words[3]),
                            Integer.parseInt(words[4]), Path.of(words[5]));
                    System.out.println("measured");
                } else if (line.startsWith("bare-latency ")) {
                    String[] words = line.split(" ");
                    HostedLatency.runBare(words[1], Path.of(words[2]), Integer.parseInt(words[3]),
                            Integer.parseInt(words[4]), Path.of(words[5]));
                    System.out.println("measured");
                } else if (line.startsWith("c-in-jvm ")) {
                    String[] words = line.split(" ");
                    HostedLatency.runCInJvm(Path.of(words[1]), words[2], Path.of(words[3]),
                            Integer.parseInt(words[4]), Integer.parseInt(words[5]), Path.of(words[6]));
                    System.out.println("measured");
                } else if (line.startsWith("listen ")) {
                    listeners.add(HostedListener.listen(Path.of(line.substring("listen ".length()).trim())));
                    System.out.println("listening");
                } else if (line.equals("quit")) {
                    break;
                } else {
                    System.out.println("error: unknown command " + line);
                }
            } catch (Exception e) {
                System.out.println("error: " + e);
            }
        }
        if (modems != null) {
            modems.close();
        }
        for (AutoCloseable listener : listeners) {
            listener.close();
        }
    }

    /** Steady state as DESIGN.md measures it: the young generation has cycled, then a full collection. */
    private static void settle() {
        long sink = 0;
        for (int i = 0; i < SETTLE_ALLOCATION_MB * 1_024 * 1_024 / CHUNK_BYTES; i++) {
            byte[] garbage = new byte[CHUNK_BYTES];
            sink += garbage.length;
        }
        if (sink < 0) {
            System.out.println("unreachable"); // keeps the allocation from being optimised away
        }
        System.gc();
    }
}
