package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.fault.Fault;

/**
 * Unplug and replug an emulated modem again and again under the real agent: each time the agent must notice the
 * port going (status absent, the state event saying it was unplugged), and bring the modem back to connected when
 * it returns; threads, file descriptors, heap and resident memory must stay flat over the loop.
 *
 * <p>The modem is matched by its device path: the emulator's link in the agent's dev root, removed on unplug and
 * re-created (pointing at a new pty) on replug, as udev does for a USB modem. Detection and reconnect times are
 * printed, never asserted (two cores shared with other builds); the issue's 2 s is a report figure.
 *
 * <p>The default runs 100 QMI and 50 MBIM cycles; {@code -Dwwan4j.long=true} runs 500 per protocol.
 */
@Tag("slow")
class HotPlugTest {

    private static final boolean LONG = Boolean.getBoolean("wwan4j.long");
    /** Cycles before the first sample: class loading, JIT, GLib's one-time allocations and pools settle. */
    private static final int WARM_UP_CYCLES = 10;
    /**
     * The default fits the issue's 100 QMI cycles (and half as many MBIM ones) into well under two minutes here;
     * the long variant runs five times the issue's count so a slow leak stands out from the noise.
     * {@code -Dwwan4j.hotplug.qmi=N} and {@code -Dwwan4j.hotplug.mbim=N} override either count.
     */
    private static final int QMI_CYCLES = Integer.getInteger("wwan4j.hotplug.qmi", LONG ? 500 : 100);
    private static final int MBIM_CYCLES = Integer.getInteger("wwan4j.hotplug.mbim", LONG ? 500 : 50);
    /** The issue's bound for noticing; not asserted (a loaded machine), but a slower cycle is printed in full. */
    private static final Duration ISSUE_BOUND = Duration.ofSeconds(2);
    /** A footprint line every this many cycles shows a trend, not just two end points. */
    private static final int PROGRESS_EVERY = 25;

    /** Threads may come and go with the JDK's pools (common pool, timer workers): a little slack, no trend. */
    private static final long THREAD_TOLERANCE = 2;
    /** The watch service, a status-file write or a probe in flight may hold a descriptor at sampling time. */
    private static final long FD_TOLERANCE = 4;
    /** Heap after GC: a few status snapshots and log buffers, nothing per cycle. */
    private static final long HEAP_TOLERANCE = 4L * 1024 * 1024;
    /**
     * Resident memory also grows with the JIT's code cache and metaspace, and with free memory malloc keeps in its
     * arenas (10-100 KiB per cycle here while bytes in use stay flat), so this bound only catches a gross leak; the
     * malloc figure below is the precise one.
     */
    private static final long RSS_TOLERANCE_BASE = 24L * 1024 * 1024;
    private static final long RSS_TOLERANCE_PER_CYCLE = 64L * 1024;
    /**
     * Bytes in use from malloc swing by several MiB with the JIT's compiler arenas (20-28 MiB over 300 QMI cycles
     * here, with no trend); a GLib device, client or main context left behind each cycle would add up past this.
     */
    private static final long MALLOC_TOLERANCE = 16L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
    void qmiModemSurvivesRepeatedUnplugAndReplug() throws Exception {
        loop(org.wwan4j.emulator.EmulatedProtocol.QMI, Protocol.QMI, QMI_CYCLES);
    }

    @Test
    @Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
    void mbimModemSurvivesRepeatedUnplugAndReplug() throws Exception {
        loop(org.wwan4j.emulator.EmulatedProtocol.MBIM, Protocol.MBIM, MBIM_CYCLES);
    }

    private void loop(org.wwan4j.emulator.EmulatedProtocol emulated, Protocol configured, int cycles) throws Exception {
        Path link = dir.resolve("dev").resolve("cdc-wdm0");
        java.nio.file.Files.createDirectories(link.getParent());
        HotPlugTimings detection = new HotPlugTimings(configured + " unplug -> status absent");
        HotPlugTimings reconnect = new HotPlugTimings(configured + " replug -> connected");
        int libraryFirst = 0;
        try (EmulatedModem emulator = EmulatedModem.start(emulated, EmulatorOptions.defaults().withLink(link));
             HotPlugAgent agent = HotPlugAgent.start(dir, link, configured)) {
            agent.awaitModem("connected at start", HotPlugTest::connected);
            for (int i = 0; i < WARM_UP_CYCLES; i++) {
                cycle(emulator, agent, new HotPlugTimings("warm-up"), new HotPlugTimings("warm-up"));
            }
            HotPlugFootprint before = HotPlugFootprint.sample();
            long started = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                if (cycle(emulator, agent, detection, reconnect)) {
                    libraryFirst++;
                }
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    System.out.printf("  %s after %d cycles: %s%n", configured, i + 1, HotPlugFootprint.sample());
                }
            }
            Duration loop = Duration.ofNanos(System.nanoTime() - started);
            HotPlugFootprint after = HotPlugFootprint.sample();
            HotPlugFootprint growth = after.minus(before);

            System.out.printf("hot-plug %s: %d cycles in %d s (after %d warm-up); the library reported the port"
                    + " removed in %d of them%n", configured, cycles, loop.toSeconds(), WARM_UP_CYCLES, libraryFirst);
            System.out.println("  " + detection);
            System.out.println("  " + reconnect);
            System.out.println("  before: " + before);
            System.out.println("  after:  " + after);
            System.out.println("  growth: " + growth);
            assertTrue(Math.abs(growth.threads()) <= THREAD_TOLERANCE, "threads not flat: " + growth);
            assertTrue(Math.abs(growth.fds()) <= FD_TOLERANCE, "file descriptors not flat: " + growth);
            assertTrue(growth.heapAfterGc() <= HEAP_TOLERANCE, "heap after GC grew: " + growth);
            assertTrue(growth.rss() <= RSS_TOLERANCE_BASE + cycles * RSS_TOLERANCE_PER_CYCLE,
                    "resident memory grew: " + growth);
            assertTrue(growth.mallocInUse() <= MALLOC_TOLERANCE, "malloc'd memory grew: " + growth);
        }
    }

    /**
     * One unplug and replug, from connected back to connected. Returns whether the library's own removal report
     * (the port hung up) reached the supervisor before the path watch did.
     */
    private static boolean cycle(EmulatedModem emulator, HotPlugAgent agent, HotPlugTimings detection,
            HotPlugTimings reconnect) throws InterruptedException {
        agent.forgetEvents();
        long unplugged = System.nanoTime();
        emulator.inject(Fault.UNPLUG);
        agent.awaitModem("absent after unplug", m -> m.health().state() == HealthState.ABSENT);
        detection.add(Duration.ofNanos(System.nanoTime() - unplugged));
        StatusEvent absent = agent.awaitStateEvent("into absent", message -> message.contains("-> absent"));
        assertTrue(absent.message().contains("unplugged"), "absent for another reason: " + absent);
        Duration noticed = detection.last();
        if (noticed.compareTo(ISSUE_BOUND) > 0) {
            System.out.println("  slow unplug detection (" + noticed.toMillis() + " ms): " + agent.modem().events());
        }

        long replugged = System.nanoTime();
        emulator.clear(Fault.UNPLUG);
        ModemStatus back = agent.awaitModem("connected after replug", HotPlugTest::connected);
        Duration took = Duration.ofNanos(System.nanoTime() - replugged);
        reconnect.add(took);
        if (took.compareTo(ISSUE_BOUND) > 0) {
            System.out.println("  slow replug (" + took.toMillis() + " ms), last events: " + back.events());
        }
        return absent.message().startsWith("recovering");
    }

    private static boolean connected(ModemStatus m) {
        return m.health().state() == HealthState.OK && m.info() != null && m.info().bearer() != null
                && m.info().bearer().connected();
    }
}
