package org.wwan4j.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.wwan4j.emulator.fault.Fault;

/**
 * How to start an emulator: an optional symlink that follows the pty (across replugs), faults active from the start,
 * how often time advances for the state (counters growing, position reports), how many clients a service accepts
 * (QMI client ids; 0 = the protocol engine's default), which firmware generation it answers like, and the locks
 * it boots with (FCC lock, SIM PIN).
 */
public record EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService,
                              FirmwareProfile profile, ModemLocks locks) {

    /** Counters grow and position reports come once a second by default, as on a real modem. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

    public EmulatorOptions {
        faults = faults == null || faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        tickInterval = tickInterval == null ? DEFAULT_TICK : tickInterval;
        profile = profile == null ? FirmwareProfile.MODERN : profile;
        locks = locks == null ? ModemLocks.NONE : locks;
    }

    public EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService,
            FirmwareProfile profile) {
        this(link, faults, tickInterval, clientLimitPerService, profile, ModemLocks.NONE);
    }

    public EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService) {
        this(link, faults, tickInterval, clientLimitPerService, FirmwareProfile.MODERN);
    }

    public EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval) {
        this(link, faults, tickInterval, 0);
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(null, Set.of(), DEFAULT_TICK);
    }

    public EmulatorOptions withLink(Path newLink) {
        return new EmulatorOptions(newLink, faults, tickInterval, clientLimitPerService, profile, locks);
    }

    public EmulatorOptions withFaults(Set<Fault> newFaults) {
        return new EmulatorOptions(link, newFaults, tickInterval, clientLimitPerService, profile, locks);
    }

    public EmulatorOptions withTickInterval(Duration interval) {
        return new EmulatorOptions(link, faults, interval, clientLimitPerService, profile, locks);
    }

    public EmulatorOptions withClientLimitPerService(int limit) {
        return new EmulatorOptions(link, faults, tickInterval, limit, profile, locks);
    }

    public EmulatorOptions withLocks(ModemLocks newLocks) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, profile, newLocks);
    }

    public EmulatorOptions withProfile(FirmwareProfile newProfile) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, newProfile, locks);
    }
}
