package org.wwan4j.agent.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.WatchdogConfig;
import org.wwan4j.agent.daemon.WatchdogToucher;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.Health;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.testing.ManualScheduler;

/** The watchdog touch file: fresh while no modem is stuck, left to age once one is. */
class WatchdogToucherTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final WatchdogToucher toucher = new WatchdogToucher(scheduler);

    private static AgentStatus withHealth(HealthState state, RecoveryStep step) {
        ModemStatus modem = new ModemStatus("modem1", new Health(state, null, 1, step), null, null, List.of(), null);
        return new AgentStatus(T0, false, List.of(modem));
    }

    private FileTime age(Path file) throws Exception {
        return Files.getLastModifiedTime(file);
    }

    @Test
    void theFileIsCreatedAndTouchedEveryIntervalWhileNoModemIsStuck() throws Exception {
        Path file = dir.resolve("wwan4j.touch");
        toucher.configure(new WatchdogConfig(file, 10));
        scheduler.runReady();
        assertTrue(Files.exists(file));
        Files.setLastModifiedTime(file, LONG_AGO);
        toucher.statusChanged(withHealth(HealthState.RECOVERING, RecoveryStep.REOPEN));
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(FileTime.from(T0.plusSeconds(10)), age(file), "recovering is not stuck");
    }

    @Test
    void aStuckModemStopsTheTouchingAndItsRecoveryResumesIt() throws Exception {
        Path file = dir.resolve("wwan4j.touch");
        toucher.configure(new WatchdogConfig(file, 10));
        scheduler.runReady();
        toucher.statusChanged(withHealth(HealthState.STUCK, RecoveryStep.STUCK));
        scheduler.runReady();
        Files.setLastModifiedTime(file, LONG_AGO);
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(LONG_AGO, age(file));

        toucher.statusChanged(withHealth(HealthState.OK, null));
        scheduler.runReady();
        assertEquals(FileTime.from(T0.plus(Duration.ofMinutes(5))), age(file), "touched at once");
    }

    @Test
    void withoutAWatchdogSectionNothingIsTouched() {
        toucher.configure(null);
        scheduler.advance(Duration.ofMinutes(1));
        assertFalse(Files.exists(dir.resolve("wwan4j.touch")));
        assertEquals(null, scheduler.nextDelay());
    }

    @Test
    void aFileInAMissingDirectoryDoesNotStopTheToucher() throws Exception {
        Path file = dir.resolve("missing/wwan4j.touch");
        toucher.configure(new WatchdogConfig(file, 10));
        scheduler.advance(Duration.ofSeconds(30));
        assertFalse(Files.exists(file));
        Files.createDirectories(file.getParent());
        scheduler.advance(Duration.ofSeconds(10));
        assertTrue(Files.exists(file));
    }
}
