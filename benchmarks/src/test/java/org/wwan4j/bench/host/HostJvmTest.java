package org.wwan4j.bench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.benchmarks.downcall.NativeDir;
import org.wwan4j.bench.indication.CBaselineIndications;
import org.wwan4j.bench.indication.SignalTrigger;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * The Java contenders as the harness runs them: a child JVM with the launcher's flags, driving the idiomatic API
 * against modems emulated in this (the parent) JVM over real ptys.
 */
@Tag("slow")
class HostJvmTest {

    private static final int REQUESTS = 20;
    private static final int WARMUP = 5;
    private static final int DMS_GET_IDS = 0x0025;
    private static final int MBIM_DEVICE_CAPS = 1;
    private static final Duration INDICATION_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path scratch;

    private BenchEnvironment environment() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new BenchEnvironment(Path.of("").toAbsolutePath(), scratch, java, System.getProperty("java.class.path"));
    }

    @Test
    void timesQmiAndMbimRequestsThroughTheApiAndWritesOneSamplePerRequest() throws Exception {
        try (EmulatedModem qmi = EmulatedModem.start(EmulatedProtocol.QMI);
             EmulatedModem mbim = EmulatedModem.start(EmulatedProtocol.MBIM);
             HostJvm host = HostJvm.start(environment(), "host-latency")) {
            for (EmulatedModem modem : List.of(qmi, mbim)) {
                String protocol = modem == qmi ? "qmi" : "mbim";
                Path samples = scratch.resolve(protocol + ".samples");
                host.call(String.join(" ", "latency", protocol, modem.path().toString(),
                        Integer.toString(REQUESTS), Integer.toString(WARMUP), samples.toString()), "measured");

                List<String> lines = Files.readAllLines(samples);
                assertEquals(REQUESTS, lines.size(), protocol);
                for (String line : lines) {
                    assertTrue(Double.parseDouble(line) > 0, protocol + " sample " + line);
                }
            }
            // The samples are real round trips: the emulators answered every one (DMS Get IDs, MBIM Device Caps).
            assertEquals(REQUESTS + WARMUP, qmi.statistics().requestsSeen("DMS", DMS_GET_IDS));
            assertTrue(mbim.statistics().requestsSeen("mbim-basic-connect", MBIM_DEVICE_CAPS) >= REQUESTS + WARMUP);
        }
    }

    /** The floor's client makes the C baseline's request over the same pty: every one reaches the emulator. */
    @Test
    void timesMbimDeviceCapsThroughBareFfmAndClosesTheDevice() throws Exception {
        try (EmulatedModem mbim = EmulatedModem.start(EmulatedProtocol.MBIM);
             HostJvm host = HostJvm.start(environment(), "host-bare-latency")) {
            Path samples = scratch.resolve("bare.samples");
            host.call(String.join(" ", "bare-latency", "mbim", mbim.path().toString(), Integer.toString(REQUESTS),
                    Integer.toString(WARMUP), samples.toString()), "measured");

            List<String> lines = Files.readAllLines(samples);
            assertEquals(REQUESTS, lines.size());
            for (String line : lines) {
                assertTrue(Double.parseDouble(line) > 0, "sample " + line);
            }
            assertEquals(REQUESTS + WARMUP, mbim.statistics().requestsSeen("mbim-basic-connect", MBIM_DEVICE_CAPS));

            IOException qmi = assertThrows(IOException.class,
                    () -> host.call("bare-latency qmi " + mbim.path() + " 1 0 " + samples, "measured"));
            assertTrue(qmi.getMessage().contains("speaks mbim only"), qmi.getMessage());
        }
    }

    /** The C client's own program, run inside the host JVM, writes its samples and its requests reach the modem. */
    @Test
    void runsTheCMbimClientInsideTheHostJvm() throws Exception {
        Path library = NativeDir.resolve().resolve("libwwan4j-mbim-baseline.so");
        try (EmulatedModem mbim = EmulatedModem.start(EmulatedProtocol.MBIM);
             HostJvm host = HostJvm.start(environment(), "host-c-in-jvm")) {
            Path samples = scratch.resolve("c-in-jvm.samples");
            host.call(String.join(" ", "c-in-jvm", library.toString(), "mbim", mbim.path().toString(),
                    Integer.toString(REQUESTS), Integer.toString(WARMUP), samples.toString()), "measured");

            List<String> lines = Files.readAllLines(samples);
            assertEquals(REQUESTS, lines.size());
            for (String line : lines) {
                assertTrue(Double.parseDouble(line) > 0, "sample " + line);
            }
            assertEquals(REQUESTS + WARMUP, mbim.statistics().requestsSeen("mbim-basic-connect", MBIM_DEVICE_CAPS));
        }
    }

    @Test
    void theListenerPrintsWhenEachSignalIndicationReachedIt() throws Exception {
        try (EmulatedModem qmi = EmulatedModem.start(EmulatedProtocol.QMI);
             HostJvm host = HostJvm.start(environment(), "host-listener")) {
            host.call("listen " + qmi.path(), "listening");
            SignalTrigger trigger = new SignalTrigger(qmi);

            long sent = trigger.getAsLong();
            String line = host.process().awaitLine(
                    candidate -> CBaselineIndications.parseIndicationNanos(candidate) >= 0, INDICATION_TIMEOUT);

            assertNotNull(line, "no indication reached the listener");
            assertTrue(CBaselineIndications.parseIndicationNanos(line) > sent, line + " before " + sent);
        }
    }

    @Test
    void opensModemsForTheEmbeddedMemoryFigure() throws Exception {
        try (EmulatedModem first = EmulatedModem.start(EmulatedProtocol.QMI);
             EmulatedModem second = EmulatedModem.start(EmulatedProtocol.QMI);
             HostJvm host = HostJvm.start(environment(), "host-modems")) {
            host.call("open " + first.path(), "opened");
            host.call("open " + second.path(), "opened");
            host.call("settle", "settled");

            assertEquals(1, first.statistics().clientsAllocated("DMS"));
            assertEquals(1, second.statistics().clientsAllocated("DMS"));
            assertTrue(first.statistics().requestsSeen("DMS", DMS_GET_IDS) > 0);
        }
    }
}
