package org.wwan4j.emulator;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.ProtocolEngineFactory;
import org.wwan4j.emulator.engine.ProtocolEngines;
import org.wwan4j.emulator.fault.ActiveFaults;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.fault.hostile.HostileFrameFactory;
import org.wwan4j.emulator.fault.hostile.HostileFrameSequence;
import org.wwan4j.emulator.fault.hostile.HostileOptions;
import org.wwan4j.emulator.fault.hostile.HostileStorm;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.port.EmulatedPort;

/**
 * A running virtual modem: one {@link ModemState}, one port speaking one protocol, faults and statistics. This is what
 * tests and the CLI use:
 *
 * <pre>{@code
 * try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
 *     run("qmicli", "-d", modem.path().toString(), "--device-open-qmi", "--dms-get-ids");
 *     modem.inject(Fault.NETWORK_LOSS);
 * }
 * }</pre>
 */
public final class EmulatedModem implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedModem.class);

    private final EmulatedProtocol protocol;
    private final FirmwareProfile profile;
    private final ModemState state = new ModemState();
    private final ActiveFaults faults = new ActiveFaults();
    private final EmulatorStatistics statistics = new EmulatorStatistics();
    private final ScheduledExecutorService scheduler;
    private final EmulatedPort port;
    private final List<IndicationLoad> loads = new CopyOnWriteArrayList<>();
    private final List<HostileStorm> storms = new CopyOnWriteArrayList<>();

    private EmulatedModem(EmulatedProtocol protocol, EmulatorOptions options) {
        this.protocol = protocol;
        ProtocolEngineFactory factory = ProtocolEngines.forProtocol(protocol);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("wwan4j-emulator-clock").unstarted(runnable));
        state.setRawIpRequired(options.requireRawIp());
        if (options.nr5gNsa()) {
            state.enableNr5gNsa(); // before the port exists: the first answer already is 5G NSA
        }
        this.port = new EmulatedPort(faults, statistics, options.link(),
                sink -> factory.create(new EngineContext(state, faults, statistics, sink, scheduler,
                        options.clientLimitPerService(), options.profile(), options.qmiOverMbim())));
        faults.addListener(this::applyFault);
        long tickMillis = options.tickInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        state.setFccLocked(options.locks().fccLocked());
        state.setSimPin(options.locks().simPin());
        options.faults().forEach(faults::inject);
        this.profile = options.profile();
        LOG.info("emulated {} modem ({} firmware{}{}{}{}) on {}", protocol, profile.cliName(),
                options.nr5gNsa() ? ", 5G NSA" : "", options.locks().fccLocked() ? ", FCC-locked" : "",
                options.locks().simPin() != null ? ", SIM PIN" : "",
                options.qmiOverMbim() && protocol == EmulatedProtocol.MBIM ? ", QMI over MBIM" : "", port.path());
    }

    public static EmulatedModem start(EmulatedProtocol protocol) {
        return start(protocol, EmulatorOptions.defaults());
    }

    public static EmulatedModem start(EmulatedProtocol protocol, EmulatorOptions options) {
        return new EmulatedModem(protocol, options);
    }

    public EmulatedProtocol protocol() {
        return protocol;
    }

    /** The firmware generation this modem answers like. */
    public FirmwareProfile profile() {
        return profile;
    }

    /** The pty slave to open now; null while unplugged. Changes on replug (the link, if any, follows). */
    public Path path() {
        return port.path();
    }

    /** The --link symlink, or null. */
    public Path link() {
        return port.link();
    }

    /** The modem state; change it to drive what clients see (indications follow). */
    public ModemState state() {
        return state;
    }

    public EmulatorStatistics statistics() {
        return statistics;
    }

    public ActiveFaults faults() {
        return faults;
    }

    /**
     * Changes the signal {@code perSecond} times a second until the returned load is closed (or the modem is): a
     * steady stream of signal indications through the normal path, for load tests.
     */
    public IndicationLoad startIndicationLoad(int perSecond) {
        IndicationLoad load = IndicationLoad.start(state, perSecond);
        loads.add(load);
        return load;
    }

    public void inject(Fault fault) {
        faults.inject(fault);
    }

    public void clear(Fault fault) {
        faults.clear(fault);
    }

    public void clearFaults() {
        faults.clearAll();
    }

    /**
     * Starts writing hostile frames (truncated, bad lengths, oversized, bad markers and TLVs, unknown services,
     * mutated copies of this port's real frames, garbage) to the client, between the normal answers. Close the
     * returned storm to stop it early; it ends by itself after {@code options.count()} frames.
     */
    public HostileStorm sendHostileFrames(HostileOptions options) {
        HostileFrameSequence sequence = new HostileFrameSequence(HostileFrameFactory.forProtocol(protocol),
                options.seed());
        HostileStorm storm = new HostileStorm(sequence, options, port::writeRaw, port.tapFrames(sequence::observe));
        storms.removeIf(HostileStorm::isDone);
        storms.add(storm);
        return storm;
    }

    /**
     * Writes one crafted frame exactly as given, between the normal answers (for a test that needs a specific bad
     * frame); false, with nothing written, while no client has the port open.
     */
    public boolean sendRaw(byte[] bytes) {
        return port.writeRaw(bytes);
    }

    private void tick() {
        try {
            state.tick();
        } catch (RuntimeException e) {
            LOG.warn("state tick failed", e);
        }
    }

    /** State and port faults take effect here; transport and protocol faults are read where they apply. */
    private void applyFault(Fault fault, boolean active) {
        switch (fault) {
            case REBOOT -> {
                port.engine().reboot();
                statistics.allClientsReleased();
                state.reset();
            }
            case SIM_REMOVAL -> state.setActiveCardPresent(!active);
            case NETWORK_LOSS -> state.setCoverage(!active);
            case DATA_STALL -> state.setDataStalled(active);
            case UNPLUG -> {
                if (active) {
                    port.unplug();
                    // A modem pulled from its port loses power, and its data call with it; without this the
                    // replugged modem would answer the next connect "already up" with no call anyone owns.
                    state.disconnect();
                } else {
                    port.replug();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        loads.forEach(IndicationLoad::close);
        storms.forEach(HostileStorm::close);
        scheduler.shutdownNow();
        port.close();
    }
}
