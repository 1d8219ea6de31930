package org.wwan4j.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.wwan4j.emulator.fault.Fault;

/**
 * How to start an emulator: an optional symlink that follows the pty (across replugs), faults active from the start,
 * how often time advances for the state (counters growing, position reports), how many clients a service accepts
 * (QMI client ids; 0 = the protocol engine's default), which firmware generation it answers like, whether the
 * network is 5G NSA (an LTE anchor with an NR5G leg: both signals reported, NR5G among the RATs), whether it
 * moves traffic only once the host asked raw-IP framing (QMI WDA Set Data Format; {@code --require-raw-ip}), the
 * locks it boots with (FCC lock, SIM PIN), and whether an MBIM modem also carries QMI over MBIM like Qualcomm MBIM
 * modems ({@code --qmi-over-mbim}).
 */
public record EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService,
                              FirmwareProfile profile, boolean nr5gNsa, boolean requireRawIp, ModemLocks locks,
                              boolean qmiOverMbim) {

    /** Counters grow and position reports come once a second by default, as on a real modem. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

    public EmulatorOptions {
        faults = faults == null || faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        tickInterval = tickInterval == null ? DEFAULT_TICK : tickInterval;
        profile = profile == null ? FirmwareProfile.MODERN : profile;
        locks = locks == null ? ModemLocks.NONE : locks;
    }

    public EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService,
                           FirmwareProfile profile, boolean nr5gNsa, boolean requireRawIp) {
        this(link, faults, tickInterval, clientLimitPerService, profile, nr5gNsa, requireRawIp, ModemLocks.NONE,
                false);
    }

    public EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService,
                           FirmwareProfile profile, boolean nr5gNsa) {
        this(link, faults, tickInterval, clientLimitPerService, profile, nr5gNsa, false);
    }

    public EmulatorOptions(Path link, Set<Fault> faults, Duration tickInterval, int clientLimitPerService,
                           FirmwareProfile profile) {
        this(link, faults, tickInterval, clientLimitPerService, profile, false);
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
        return new EmulatorOptions(newLink, faults, tickInterval, clientLimitPerService, profile, nr5gNsa,
                requireRawIp, locks, qmiOverMbim);
    }

    public EmulatorOptions withFaults(Set<Fault> newFaults) {
        return new EmulatorOptions(link, newFaults, tickInterval, clientLimitPerService, profile, nr5gNsa,
                requireRawIp, locks, qmiOverMbim);
    }

    public EmulatorOptions withTickInterval(Duration interval) {
        return new EmulatorOptions(link, faults, interval, clientLimitPerService, profile, nr5gNsa,
                requireRawIp, locks, qmiOverMbim);
    }

    public EmulatorOptions withClientLimitPerService(int limit) {
        return new EmulatorOptions(link, faults, tickInterval, limit, profile, nr5gNsa,
                requireRawIp, locks, qmiOverMbim);
    }

    public EmulatorOptions withProfile(FirmwareProfile newProfile) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, newProfile, nr5gNsa,
                requireRawIp, locks, qmiOverMbim);
    }

    /** A 5G NSA network (true) or plain LTE (false, the default). */
    public EmulatorOptions withNr5gNsa(boolean value) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, profile, value,
                requireRawIp, locks, qmiOverMbim);
    }

    /** A modem that passes no traffic (counters stay zero) until the host set the link layer to raw-IP. */
    public EmulatorOptions withRequireRawIp(boolean required) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, profile, nr5gNsa,
                required, locks, qmiOverMbim);
    }

    public EmulatorOptions withLocks(ModemLocks newLocks) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, profile, nr5gNsa, requireRawIp,
                newLocks, qmiOverMbim);
    }

    /**
     * An MBIM modem that also serves QMI over MBIM (service "qmi", CID 1: QMUX in command and indication payloads,
     * answered by the QMI engine over the same modem state), as Qualcomm MBIM modems do. No effect on QMI.
     */
    public EmulatorOptions withQmiOverMbim(boolean served) {
        return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, profile, nr5gNsa, requireRawIp,
                locks, served);
    }
}
