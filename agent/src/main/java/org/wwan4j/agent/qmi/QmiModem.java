package org.wwan4j.agent.qmi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemListener;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.StoredProfile;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.LoopFuture;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.ClientUim;
import org.wwan4j.qmi.ClientWds;
import org.wwan4j.qmi.DmsOperatingMode;
import org.wwan4j.qmi.DmsRadioInterface;
import org.wwan4j.qmi.NasChangeDuration;
import org.wwan4j.qmi.NasRatModePreference;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.UimEventRegistrationFlag;
import org.wwan4j.qmi.WdsConnectionStatus;

/**
 * A {@link Modem} over QMI: DMS (identity, operating mode), NAS (serving system, signal, preferences, scan), UIM
 * (slots and cards), WDS (data session) and LOC (GNSS). It only translates; what to do when is the supervisor's.
 * Each capability lives in its own helper ({@link QmiSimReader}, {@link QmiBearers}, {@link QmiProviderScan},
 * {@link QmiLocationSession}, the converters); this class wires them to the clients and to the event stream.
 *
 * <p>Futures complete on the QMI API's callback threads (never the GLib loop); events go through one
 * {@link QmiEvents} so listeners see them one at a time, in order.
 */
public final class QmiModem implements Modem {

    private static final Logger LOG = LoggerFactory.getLogger(QmiModem.class);

    private final QmiDevice device;
    private final ClientDms dms;
    private final ClientNas nas;
    private final ClientWds wds;
    private final ClientUim uim;
    private final RequestSupport support;
    private final QmiSimReader simReader;
    private final QmiSimPin simPin;
    private final QmiSignals signals;
    private final QmiRegistrations registrations;
    private final QmiBearers data;
    private final QmiLocationSession location;
    private final QmiStoredProfiles storedProfiles;
    private final QmiEvents events;
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param uim the UIM client, or null when the modem has no UIM service */
    private QmiModem(QmiDevice device, ClientDms dms, ClientNas nas, ClientWds wds, ClientUim uim, Path handleFile) {
        this.device = device;
        this.dms = dms;
        this.nas = nas;
        this.wds = wds;
        this.uim = uim;
        this.events = new QmiEvents(LoopFuture.callbacks());
        this.support = new RequestSupport(QmiFailures::map, (field, why) -> {
            LOG.info("{}: {} unavailable: {}", device.path(), field, why);
            events.post(new ModemEvent.FieldUnavailable(field, why));
        });
        this.simReader = new QmiSimReader(uim, dms, support);
        this.simPin = new QmiSimPin(uim, dms, support);
        this.signals = new QmiSignals(nas, support);
        this.registrations = new QmiRegistrations(nas, support);
        this.data = new QmiBearers(device, wds, support, handleFile);
        this.storedProfiles = new QmiStoredProfiles(wds);
        this.location = new QmiLocationSession(device, fix -> events.post(new ModemEvent.LocationChanged(fix)));
    }

    /**
     * Allocates the clients on an opened device (reusing persistent CIDs when it has a state dir), subscribes to
     * the indications and enables them. Closes the device if any of that fails.
     *
     * @param handleFile where the data call's packet data handle is kept across processes, or null
     */
    static CompletableFuture<Modem> attach(QmiDevice device, Path handleFile) {
        CompletableFuture<ClientDms> dms = device.dms();
        CompletableFuture<ClientNas> nas = dms.thenCompose(d -> device.nas());
        CompletableFuture<ClientWds> wds = nas.thenCompose(n -> device.wds());
        // Some modems have no UIM service (their SIM is read through DMS): allocation fails, and UIM is left out.
        CompletableFuture<ClientUim> uim = wds.thenCompose(w -> device.uim().exceptionally(failure -> {
            ModemException e = QmiFailures.map("allocate UIM client", failure);
            if (e.kind() != ModemException.Kind.UNSUPPORTED) {
                throw e;
            }
            LOG.info("{}: no UIM service: {}", device.path(), e.getMessage());
            return null;
        }));
        return uim.thenCompose(u -> {
            QmiModem modem = new QmiModem(device, dms.join(), nas.join(), wds.join(), u, handleFile);
            return modem.subscribe().thenApply(ok -> (Modem) modem);
        }).whenComplete((modem, failure) -> {
            if (failure != null) {
                device.close();
            }
        }).exceptionallyCompose(failure -> CompletableFuture.failedFuture(QmiFailures.map("open " + device.path(),
                failure)));
    }

    private CompletableFuture<Void> subscribe() {
        subscriptions.add(nas.onServingSystem(i -> events.post(new ModemEvent.RegistrationChanged(
                registrations.indicated(i)))));
        subscriptions.add(wds.onPacketServiceStatus(this::packetServiceStatus));
        if (uim != null) {
            subscriptions.add(uim.onCardStatus(i -> simsChanged()));
            subscriptions.add(uim.onSlotStatus(i -> simsChanged()));
        }
        device.onRemoved(d -> {
            if (!closed) {
                closed = true;
                events.post(new ModemEvent.Removed("device removed"));
            }
        });
        // Serving System events are as old as NAS itself; signal indications have a chain of their own.
        CompletableFuture<?> nasEvents = nas.registerIndications(new ClientNas.RegisterIndicationsInput()
                .servingSystemEvents(true))
                .thenCompose(ok -> signals.subscribe(s -> events.post(new ModemEvent.SignalChanged(s)),
                        subscriptions));
        // Card events are optional: without them SIM changes are seen on the supervisor's safety tick.
        CompletableFuture<?> uimEvents = uim == null ? CompletableFuture.completedFuture(null)
                : uim.registerEvents(new ClientUim.RegisterEventsInput()
                        .eventRegistrationMask(EnumSet.of(UimEventRegistrationFlag.CARD_STATUS,
                                UimEventRegistrationFlag.PHYSICAL_SLOT_STATUS)))
                .exceptionally(failure -> {
                    if (QmiFailures.staleClientId(failure)) {
                        throw QmiFailures.map("UIM Register Events", failure);
                    }
                    LOG.info("{}: no UIM card events: {}", device.path(), failure.toString());
                    return null;
                });
        // One cheap request on each remaining client proves its (possibly reused) CID is known to the modem.
        return CompletableFuture.allOf(nasEvents, uimEvents, dms.getOperatingMode(), wds.getPacketServiceStatus());
    }

    private void packetServiceStatus(ClientWds.PacketServiceStatusIndication indication) {
        boolean connected = indication.connectionStatus() != null
                && indication.connectionStatus().status().is(WdsConnectionStatus.CONNECTED);
        if (!connected) {
            data.callEnded();
        }
        String reason = connected || indication.callEndReason() == null ? null
                : name(indication.callEndReason());
        events.post(new ModemEvent.BearerChanged(connected, reason));
    }

    private void simsChanged() {
        simReader.read().whenComplete((sims, failure) -> {
            if (failure == null) {
                events.post(new ModemEvent.SimsChanged(sims));
            } else {
                LOG.info("{}: SIM change seen but the slots could not be read: {}", device.path(), failure.toString());
            }
        });
    }

    // ---------------------------------------------------------------- the Modem interface

    @Override
    public Path device() {
        return device.path();
    }

    @Override
    public Protocol protocol() {
        return Protocol.QMI;
    }

    /** Each part on its own: a firmware that does not know one of the DMS getters leaves that part null. */
    @Override
    public CompletableFuture<Identity> identity() {
        return call("DMS identity", () -> {
            CompletableFuture<String> imei = support.optional("IMEI", "DMS Get IDs",
                    () -> dms.getIds().thenApply(out -> blankToNull(out.imei())));
            CompletableFuture<String> manufacturer = support.optional("manufacturer", "DMS Get Manufacturer",
                    () -> dms.getManufacturer().thenApply(out -> blankToNull(out.manufacturer())));
            CompletableFuture<String> model = support.optional("model", "DMS Get Model",
                    () -> dms.getModel().thenApply(out -> blankToNull(out.model())));
            CompletableFuture<String> revision = support.optional("revision", "DMS Get Revision",
                    () -> dms.getRevision().thenApply(out -> blankToNull(out.revision())));
            CompletableFuture<String> hardware = support.optional("hardware revision", "DMS Get Hardware Revision",
                    () -> dms.getHardwareRevision().thenApply(out -> blankToNull(out.revision())));
            return CompletableFuture.allOf(imei, manufacturer, model, revision, hardware).thenApply(ok ->
                    new Identity(imei.join(), manufacturer.join(), model.join(), revision.join(), hardware.join()));
        });
    }

    @Override
    public CompletableFuture<Power> power() {
        return call("DMS Get Operating Mode", () -> dms.getOperatingMode().thenApply(out -> power(out.mode())));
    }

    @Override
    public CompletableFuture<Void> setPower(Power power) {
        DmsOperatingMode mode = switch (power) {
            case ONLINE -> DmsOperatingMode.ONLINE;
            case LOW_POWER -> DmsOperatingMode.LOW_POWER;
            default -> null;
        };
        if (mode == null) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                    "only online and low-power can be requested, not " + power.jsonName()));
        }
        // DMS has no operating-mode indication on most modems: read the mode back and tell listeners ourselves.
        return call("DMS Set Operating Mode", () -> dms.setOperatingMode(
                        new ClientDms.SetOperatingModeInput().mode(mode))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(mode == DmsOperatingMode.ONLINE
                        ? QmiFccUnlock.powerUpFailure(failure) : failure))
                .thenCompose(ok -> dms.getOperatingMode())
                .thenAccept(out -> events.post(new ModemEvent.PowerChanged(power(out.mode())))));
    }

    @Override
    public CompletableFuture<Void> fccUnlock(FccUnlock method) {
        return call("FCC unlock " + method.jsonName(), () -> QmiFccUnlock.send(dms, method));
    }

    @Override
    public CompletableFuture<SimLock> simLock() {
        return call("SIM PIN lock", simPin::lock);
    }

    @Override
    public CompletableFuture<Void> enterPin(String pin) {
        return call("SIM PIN entry", () -> simPin.enter(pin));
    }

    @Override
    public CompletableFuture<List<Sim>> sims() {
        return call("UIM slots", simReader::read);
    }

    @Override
    public CompletableFuture<Void> switchSimSlot(int slot) {
        if (slot < 1) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.REJECTED,
                    "SIM slots are numbered from 1, not " + slot));
        }
        if (uim == null) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                    "UIM Switch Slot: the modem has no UIM service"));
        }
        return call("UIM Switch Slot", () -> uim.switchSlot(new ClientUim.SwitchSlotInput().logicalSlot(1)
                        .physicalSlot(slot), SLOT_SWITCH_TIMEOUT)
                .handle((ok, failure) -> {
                    if (failure != null) {
                        ModemException e = QmiFailures.map("UIM Switch Slot", failure);
                        // "No effect": the slot was already active, which is what was asked.
                        if (!QmiFailures.noEffect(failure)) {
                            throw e;
                        }
                    }
                    return null;
                }));
    }

    @Override
    public CompletableFuture<Registration> registration() {
        return call("NAS registration", registrations::read);
    }

    @Override
    public CompletableFuture<Signal> signal() {
        return call("NAS signal", signals::read);
    }

    @Override
    public CompletableFuture<Void> setPreferences(List<Rat> rats, List<String> plmns) {
        ClientNas.SetPreferredNetworksInput networks;
        try {
            // Checked before anything is sent, so a bad PLMN leaves the RAT preference untouched too.
            networks = plmns.isEmpty() ? null : QmiPreferredPlmns.input(plmns);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.REJECTED, e.getMessage()));
        }
        CompletableFuture<EnumSet<NasRatModePreference>> modes = rats.isEmpty()
                ? dms.getCapabilities().thenApply(caps -> supportedModes(caps.info() == null ? null
                        : caps.info().radioInterfaceList()))
                : CompletableFuture.completedFuture(modes(rats));
        return call("NAS Set System Selection Preference", () -> modes.thenCompose(m -> nas.setSystemSelectionPreference(
                        new ClientNas.SetSystemSelectionPreferenceInput().modePreference(m)
                                .changeDuration(NasChangeDuration.PERMANENT)))
                .thenCompose(ok -> plmns.isEmpty() ? CompletableFuture.completedFuture(null)
                        : nas.setPreferredNetworks(networks).thenApply(out -> (Void) null)));
    }

    @Override
    public CompletableFuture<Void> setAttachProfile(BearerProfile profile) {
        return call("WDS Modify Profile", () -> data.ipv4().setAttachProfile(profile));
    }

    @Override
    public CompletableFuture<BearerSettings> connect(BearerProfile profile, boolean allowRoaming) {
        return call("WDS Start Network", () -> {
            CompletableFuture<Void> roamingCheck = allowRoaming ? CompletableFuture.completedFuture(null)
                    : registrations.read().thenAccept(r -> {
                        if (r != null && r.state() == RegistrationState.ROAMING) {
                            throw new ModemException(ModemException.Kind.REJECTED,
                                    "roaming on " + r.mcc() + r.mnc() + " and roaming is forbidden");
                        }
                    });
            return roamingCheck.thenCompose(ok -> data.connect(profile));
        });
    }

    @Override
    public void useDataFormat(KernelDataFormat kernel, DataFormat modelNeeds) {
        data.useDataFormat(kernel, modelNeeds);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return call("WDS Stop Network", data::disconnect);
    }

    @Override
    public CompletableFuture<Optional<BearerSettings>> bearerSettings() {
        return call("WDS Get Current Settings", data::settings);
    }

    @Override
    public CompletableFuture<Counters> counters() {
        return call("WDS Get Packet Statistics", data::counters);
    }

    @Override
    public CompletableFuture<List<Provider>> scanProviders(Consumer<ScanProgress> progress) {
        return call("NAS Network Scan", () -> QmiProviderScan.run(nas, progress));
    }

    @Override
    public CompletableFuture<Void> startLocation(Duration interval) {
        return call("LOC Start", () -> location.start(interval));
    }

    @Override
    public CompletableFuture<Void> stopLocation() {
        return call("LOC Stop", location::stop);
    }

    @Override
    public CompletableFuture<Void> reset() {
        return call("DMS reset", () -> QmiOperatingModeReset.run(dms));
    }

    @Override
    public CompletableFuture<List<StoredProfile>> storedProfiles() {
        return call("WDS profiles", storedProfiles::read);
    }

    @Override
    public AutoCloseable addListener(ModemListener listener) {
        return events.add(listener);
    }

    /** Keeps the clients' CIDs (persistent when the device has a state dir) and any data call up. */
    @Override
    public void close() {
        if (closed && device.isClosed()) {
            return;
        }
        closed = true;
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                // Subscriptions only detach a signal handler; nothing to do if that fails on a dead port.
            }
        }
        location.close();
        device.close();
    }

    @Override
    public String toString() {
        return "QmiModem[" + device.path() + "]";
    }

    // ---------------------------------------------------------------- helpers

    /** Starts a request unless closed, and maps whatever it fails with to a ModemException. */
    private <T> CompletableFuture<T> call(String what, Supplier<CompletableFuture<T>> request) {
        if (closed) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.CLOSED,
                    what + ": " + device.path() + " is closed"));
        }
        CompletableFuture<T> started;
        try {
            started = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(QmiFailures.map(what, e));
        }
        return started.exceptionallyCompose(failure -> CompletableFuture.failedFuture(QmiFailures.map(what, failure)));
    }

    static Power power(EnumValue<DmsOperatingMode> mode) {
        if (mode == null || mode.constant() == null) {
            return Power.UNKNOWN;
        }
        return switch (mode.constant()) {
            case ONLINE -> Power.ONLINE;
            case LOW_POWER, PERSISTENT_LOW_POWER, MODE_ONLY_LOW_POWER -> Power.LOW_POWER;
            case OFFLINE, SHUTTING_DOWN, RESET, FACTORY_TEST -> Power.OFFLINE;
            default -> Power.UNKNOWN;
        };
    }

    private static EnumSet<NasRatModePreference> modes(List<Rat> rats) {
        EnumSet<NasRatModePreference> modes = EnumSet.noneOf(NasRatModePreference.class);
        for (Rat rat : rats) {
            modes.add(switch (rat) {
                case GSM -> NasRatModePreference.GSM;
                case UMTS -> NasRatModePreference.UMTS;
                case LTE -> NasRatModePreference.LTE;
                case NR5G -> NasRatModePreference._5GNR;
            });
        }
        return modes;
    }

    /** "The modem's choice": every 3GPP mode the modem says it has. */
    private static EnumSet<NasRatModePreference> supportedModes(List<EnumValue<DmsRadioInterface>> radios) {
        List<Rat> rats = new ArrayList<>();
        if (radios != null) {
            for (EnumValue<DmsRadioInterface> radio : radios) {
                DmsRadioInterface r = radio.constant();
                if (r == DmsRadioInterface.GSM) {
                    rats.add(Rat.GSM);
                } else if (r == DmsRadioInterface.UMTS || r == DmsRadioInterface.TDS) {
                    rats.add(Rat.UMTS);
                } else if (r == DmsRadioInterface.LTE) {
                    rats.add(Rat.LTE);
                } else if (r == DmsRadioInterface._5GNR) {
                    rats.add(Rat.NR5G);
                }
            }
        }
        return rats.isEmpty() ? EnumSet.of(NasRatModePreference.GSM, NasRatModePreference.UMTS,
                NasRatModePreference.LTE) : modes(rats);
    }

    private static String name(EnumValue<?> value) {
        return value.constant() == null ? "reason " + value.raw()
                : value.constant().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
