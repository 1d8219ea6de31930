package org.wwan4j.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
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

    /** No link, no faults, a tick a second, the engine's client limit, modern firmware, LTE, no locks. */
    public static EmulatorOptions defaults() {
        return new Builder().build();
    }

    public EmulatorOptions withLink(Path newLink) {
        return copyWith(options -> options.link = newLink);
    }

    public EmulatorOptions withFaults(Set<Fault> newFaults) {
        return copyWith(options -> options.faults = newFaults);
    }

    public EmulatorOptions withTickInterval(Duration interval) {
        return copyWith(options -> options.tickInterval = interval);
    }

    public EmulatorOptions withClientLimitPerService(int limit) {
        return copyWith(options -> options.clientLimitPerService = limit);
    }

    public EmulatorOptions withProfile(FirmwareProfile newProfile) {
        return copyWith(options -> options.profile = newProfile);
    }

    /** A 5G NSA network (true) or plain LTE (false, the default). */
    public EmulatorOptions withNr5gNsa(boolean value) {
        return copyWith(options -> options.nr5gNsa = value);
    }

    /** A modem that passes no traffic (counters stay zero) until the host set the link layer to raw-IP. */
    public EmulatorOptions withRequireRawIp(boolean required) {
        return copyWith(options -> options.requireRawIp = required);
    }

    public EmulatorOptions withLocks(ModemLocks newLocks) {
        return copyWith(options -> options.locks = newLocks);
    }

    /**
     * An MBIM modem that also serves QMI over MBIM (service "qmi", CID 1: QMUX in command and indication payloads,
     * answered by the QMI engine over the same modem state), as Qualcomm MBIM modems do. No effect on QMI.
     */
    public EmulatorOptions withQmiOverMbim(boolean served) {
        return copyWith(options -> options.qmiOverMbim = served);
    }

    private EmulatorOptions copyWith(Consumer<Builder> change) {
        Builder options = new Builder(this);
        change.accept(options);
        return options.build();
    }

    /**
     * The options as mutable fields, so that each {@code withX} changes one of them and nothing else: a new
     * component is added here (field, copy, build) and in its own {@code withX}, not in every other one. Fields left
     * unset (null) take the compact constructor's defaults.
     */
    private static final class Builder {
        private Path link;
        private Set<Fault> faults;
        private Duration tickInterval;
        private int clientLimitPerService;
        private FirmwareProfile profile;
        private boolean nr5gNsa;
        private boolean requireRawIp;
        private ModemLocks locks;
        private boolean qmiOverMbim;

        private Builder() {
        }

        private Builder(EmulatorOptions of) {
            link = of.link;
            faults = of.faults;
            tickInterval = of.tickInterval;
            clientLimitPerService = of.clientLimitPerService;
            profile = of.profile;
            nr5gNsa = of.nr5gNsa;
            requireRawIp = of.requireRawIp;
            locks = of.locks;
            qmiOverMbim = of.qmiOverMbim;
        }

        private EmulatorOptions build() {
            return new EmulatorOptions(link, faults, tickInterval, clientLimitPerService, profile, nr5gNsa,
                    requireRawIp, locks, qmiOverMbim);
        }
    }
}
