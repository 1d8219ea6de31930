package org.wwan4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.fault.Fault;

/** Each {@code withX} changes its own option and keeps every other one, whatever order they are chained in. */
class EmulatorOptionsTest {

    private static final Path LINK = Path.of("modem-link");
    private static final ModemLocks LOCKS = new ModemLocks(true, "1234");

    @Test
    void defaultsAreAPlainModernLteModem() {
        assertEquals(new EmulatorOptions(null, Set.of(), EmulatorOptions.DEFAULT_TICK, 0, FirmwareProfile.MODERN,
                false, false, ModemLocks.NONE, false), EmulatorOptions.defaults());
    }

    @Test
    void everyWithKeepsWhatTheOthersSet() {
        EmulatorOptions all = new EmulatorOptions(LINK, Set.of(Fault.SLOW), Duration.ofMillis(50), 3,
                FirmwareProfile.LEGACY, true, true, LOCKS, true);

        EmulatorOptions forwards = EmulatorOptions.defaults().withLink(LINK).withFaults(Set.of(Fault.SLOW))
                .withTickInterval(Duration.ofMillis(50)).withClientLimitPerService(3)
                .withProfile(FirmwareProfile.LEGACY).withNr5gNsa(true).withRequireRawIp(true).withLocks(LOCKS)
                .withQmiOverMbim(true);
        EmulatorOptions backwards = EmulatorOptions.defaults().withQmiOverMbim(true).withLocks(LOCKS)
                .withRequireRawIp(true).withNr5gNsa(true).withProfile(FirmwareProfile.LEGACY)
                .withClientLimitPerService(3).withTickInterval(Duration.ofMillis(50))
                .withFaults(Set.of(Fault.SLOW)).withLink(LINK);

        assertEquals(all, forwards);
        assertEquals(all, backwards);
    }

    @Test
    void nullsFallBackToTheDefaults() {
        EmulatorOptions cleared = EmulatorOptions.defaults().withProfile(FirmwareProfile.LEGACY).withLocks(LOCKS)
                .withTickInterval(Duration.ofMillis(50)).withFaults(Set.of(Fault.SLOW))
                .withProfile(null).withLocks(null).withTickInterval(null).withFaults(null);

        assertEquals(EmulatorOptions.defaults(), cleared);
    }
}
