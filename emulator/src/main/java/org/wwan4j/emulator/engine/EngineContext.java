package org.wwan4j.emulator.engine;

import java.util.concurrent.ScheduledExecutorService;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.fault.ActiveFaults;
import org.wwan4j.emulator.model.ModemState;

/**
 * What an engine gets to work with: the shared modem state, the active faults (for the protocol-level ones such as
 * extra TLVs or client-ID exhaustion), the statistics to record into, where to send frames, and a scheduler for
 * delayed work (e.g. a network scan that takes a while, periodic position reports). {@code clientLimitPerService}
 * bounds client ids/sessions per service where the protocol has them (0 = the engine's default); {@code profile}
 * is the firmware generation to answer like; {@code qmiOverMbim} makes an MBIM engine carry QMI too (see
 * {@link org.wwan4j.emulator.EmulatorOptions#withQmiOverMbim}).
 */
public record EngineContext(ModemState state, ActiveFaults faults, EmulatorStatistics statistics, FrameSink sink,
                            ScheduledExecutorService scheduler, int clientLimitPerService, FirmwareProfile profile,
                            boolean qmiOverMbim) {

    public EngineContext {
        profile = profile == null ? FirmwareProfile.MODERN : profile;
    }

    public EngineContext(ModemState state, ActiveFaults faults, EmulatorStatistics statistics, FrameSink sink,
                         ScheduledExecutorService scheduler, int clientLimitPerService, FirmwareProfile profile) {
        this(state, faults, statistics, sink, scheduler, clientLimitPerService, profile, false);
    }

    /** The same context with frames going to {@code other}: a protocol carried inside another one. */
    public EngineContext withSink(FrameSink other) {
        return new EngineContext(state, faults, statistics, other, scheduler, clientLimitPerService, profile,
                qmiOverMbim);
    }

    public EngineContext(ModemState state, ActiveFaults faults, EmulatorStatistics statistics, FrameSink sink,
                         ScheduledExecutorService scheduler, int clientLimitPerService) {
        this(state, faults, statistics, sink, scheduler, clientLimitPerService, FirmwareProfile.MODERN);
    }

    public EngineContext(ModemState state, ActiveFaults faults, EmulatorStatistics statistics, FrameSink sink,
                         ScheduledExecutorService scheduler) {
        this(state, faults, statistics, sink, scheduler, 0);
    }
}
