package org.wwan4j.agent.mbim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.modem.ModemListener;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.Counters;
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
import org.wwan4j.mbim.ActivationState;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.CellInfoServingLte;
import org.wwan4j.mbim.MbimDevice;
import org.wwan4j.mbim.MbimDeviceOptions;
import org.wwan4j.mbim.MbimSubscription;
import org.wwan4j.mbim.MsBasicConnectExtensions;
import org.wwan4j.mbim.RadioSwitchState;
import org.wwan4j.mbim.RsrpSnrInfo;
import org.wwan4j.mbim.Slot;
import org.wwan4j.mbim.UiccSlotState;
import org.wwan4j.mbim.VisibleProvidersAction;

/**
 * The {@link Modem} over MBIM: Basic Connect for identity, radio, registration, signal, data, statistics and
 * preferences (Register State data classes, preferred providers); the Microsoft Basic Connect Extensions for SIM
 * slots, the serving cell (RSRQ) and the LTE attach APN; MBIMEx 2.0 for RSRP and SNR (per RAT: LTE and the NR5G
 * leg on 5G NSA) when the modem agrees to it. MBIM has no GNSS service: location is QMI LOC over MBIM on modems
 * that carry it, opened through mbim-proxy ({@link MbimLocation}); elsewhere it fails UNSUPPORTED, saying why
 * (docs/agent.md has the table of what MBIM can and cannot do next to QMI).
 */
public final class MbimModem implements Modem {
    private static final Logger LOG = LoggerFactory.getLogger(MbimModem.class);

    /** Opening includes MBIM OPEN (or resuming a kept session) and the MBIMEx version exchange. */
    static final Duration OPEN_TIMEOUT = REQUEST_TIMEOUT.multipliedBy(3);
    /** SIM notifications come in bursts (one per slot plus subscriber status): read the slots once after it. */
    static final Duration SIM_NOTIFICATION_SETTLE = Duration.ofMillis(200);
    /** Scan progress is time based (MBIM reports nothing while scanning). */
    static final Duration SCAN_PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** Starting location may open QMI over MBIM (MBIM OPEN through the proxy, QMI CTL) before LOC's requests. */
    static final Duration LOCATION_START_TIMEOUT = REQUEST_TIMEOUT.multipliedBy(4);

    private final MbimDevice device;
    private final BasicConnect basic;
    private final MsBasicConnectExtensions extensions;
    private final boolean mbimEx2;
    private final MbimEvents events = new MbimEvents();
    private final MbimRequester requester;
    private final MbimDataSession data;
    private final MbimAttachConfiguration attach;
    private final MbimPreferences preferences;
    private final MbimUnlocks unlocks;
    private final MbimLocation location;
    private final MbimStoredProfiles storedProfiles;
    private final List<MbimSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean removed = new AtomicBoolean();
    private final AtomicBoolean simRefreshScheduled = new AtomicBoolean();
    /** Set once the modem answered that it has no base stations info: then RSRQ is simply not asked for. */
    private volatile boolean baseStationsUnsupported;

    private MbimModem(MbimDevice device, int mbimExVersion) {
        this.device = device;
        this.basic = new BasicConnect(device);
        this.extensions = new MsBasicConnectExtensions(device);
        this.mbimEx2 = mbimExVersion >= 2;
        this.requester = new MbimRequester(closed::get);
        this.data = new MbimDataSession(basic, requester);
        this.attach = new MbimAttachConfiguration(extensions, requester);
        this.preferences = new MbimPreferences(basic, requester);
        this.unlocks = new MbimUnlocks(device, basic, requester);
        this.storedProfiles = new MbimStoredProfiles(basic, extensions, requester);
        this.location = new MbimLocation(device, basic, requester,
                fix -> events.emit(new ModemEvent.LocationChanged(fix)));
    }

    /**
     * Opens the control port. {@code options} says direct or proxy, the state dir for a kept session and the
     * MBIMEx version to ask for (2 is what gives RSRP/SNR); the libmbim timeout is set here.
     */
    public static CompletableFuture<Modem> open(Path device, MbimDeviceOptions options) {
        if (!java.nio.file.Files.exists(device)) {
            // The port is gone (unplugged, renamed): the supervisor treats that as absent, not as a modem error.
            return failed(Kind.CLOSED, "open " + device + ": no such control port");
        }
        // Every request names its own timeout (its bound in the Modem contract); the device's is for opening.
        LoopFuture<MbimDevice> opening = MbimDevice.open(device, options.withTimeout(REQUEST_TIMEOUT));
        CompletableFuture<Modem> opened = opening.thenCompose(mbim -> mbim.msMbimExVersion()
                .thenApply(version -> (Modem) start(mbim, version))
                .whenComplete((modem, error) -> {
                    if (error != null) {
                        mbim.close();
                    }
                }));
        CompletableFuture<Modem> bounded = MbimCalls.boundedChain(opened, OPEN_TIMEOUT, "open " + device);
        bounded.whenComplete((modem, error) -> {
            if (error != null) {
                opening.cancel(true);
                // Opened after we gave up: nobody will ever close it but us.
                opened.thenAccept(Modem::close);
            }
        });
        return bounded;
    }

    private static MbimModem start(MbimDevice device, int mbimExVersion) {
        MbimModem modem = new MbimModem(device, mbimExVersion);
        modem.subscribe();
        LOG.info("{}: MBIM modem opened (MBIMEx {})", device.path(), mbimExVersion);
        return modem;
    }

    private void subscribe() {
        if (mbimEx2) {
            subscriptions.add(basic.onRegisterStateV2(s -> registrationChanged(
                    MbimRegistrations.of(s.registerState(), s.providerId(), s.providerName(),
                            s.availableDataClasses()))));
            subscriptions.add(basic.onSignalStateV2(s -> signalChanged(s.rssi(), s.rsrpSnr())));
        } else {
            subscriptions.add(basic.onRegisterState(s -> registrationChanged(
                    MbimRegistrations.of(s.registerState(), s.providerId(), s.providerName(),
                            s.availableDataClasses()))));
            subscriptions.add(basic.onSignalState(s -> signalChanged(s.rssi(), List.of())));
        }
        subscriptions.add(basic.onConnect(this::connectChanged));
        subscriptions.add(basic.onRadioState(s -> events.emit(new ModemEvent.PowerChanged(power(s)))));
        subscriptions.add(basic.onSubscriberReadyStatus(s -> simsChanged()));
        subscriptions.add(extensions.onSlotInfoStatus(s -> simsChanged()));
        subscriptions.add(device.onRemoved(d -> {
            if (removed.compareAndSet(false, true)) {
                events.emit(new ModemEvent.Removed(device.path() + " removed"));
            }
        }));
    }

    @Override
    public Path device() {
        return device.path();
    }

    @Override
    public Protocol protocol() {
        return Protocol.MBIM;
    }

    @Override
    public CompletableFuture<Identity> identity() {
        return call(timeout -> basic.queryDeviceCaps(timeout), REQUEST_TIMEOUT, "device caps")
                // MBIM has no manufacturer field: null rather than a guess from the hardware string (ModemManager
                // takes the USB descriptor's). The hardware info is both the model and the hardware revision.
                .thenApply(caps -> new Identity(blankToNull(caps.deviceId()), null, blankToNull(caps.hardwareInfo()),
                        blankToNull(caps.firmwareInfo()), blankToNull(caps.hardwareInfo())));
    }

    @Override
    public CompletableFuture<Power> power() {
        return call(timeout -> basic.queryRadioState(timeout),
                REQUEST_TIMEOUT, "radio state").thenApply(MbimModem::power);
    }

    private static Power power(BasicConnect.RadioStateResponse radio) {
        if (radio.hwRadioState().is(RadioSwitchState.OFF)) {
            return Power.OFFLINE; // the hardware switch (rfkill, W_DISABLE#): software cannot turn it on
        }
        if (radio.swRadioState().is(RadioSwitchState.OFF)) {
            return Power.LOW_POWER;
        }
        return radio.swRadioState().is(RadioSwitchState.ON) ? Power.ONLINE : Power.UNKNOWN;
    }

    @Override
    public CompletableFuture<Void> setPower(Power power) {
        java.util.Objects.requireNonNull(power, "power");
        if (power != Power.ONLINE && power != Power.LOW_POWER) {
            return failed(Kind.UNSUPPORTED, "MBIM radio state is only on (online) or off (low-power), not "
                    + power.jsonName());
        }
        RadioSwitchState wanted = power == Power.ONLINE ? RadioSwitchState.ON : RadioSwitchState.OFF;
        return call(timeout -> basic.setRadioState(wanted, timeout),
                REQUEST_TIMEOUT, "set radio state").<Void>thenApply(r -> null)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(power == Power.ONLINE
                        ? MbimUnlocks.radioOnFailure(failure) : failure));
    }

    @Override
    public CompletableFuture<Void> fccUnlock(FccUnlock method) {
        return unlocks.fccUnlock(method);
    }

    @Override
    public CompletableFuture<List<StoredProfile>> storedProfiles() {
        return storedProfiles.read();
    }

    @Override
    public CompletableFuture<SimLock> simLock() {
        return unlocks.lock();
    }

    @Override
    public CompletableFuture<Void> enterPin(String pin) {
        return unlocks.enterPin(pin);
    }

    @Override
    public CompletableFuture<List<Sim>> sims() {
        CompletableFuture<MbimSims.Subscriber> subscriber = call(timeout -> basic.querySubscriberReadyStatus(timeout),
                REQUEST_TIMEOUT, "subscriber ready status")
                .thenApply(s -> new MbimSims.Subscriber(s.readyState(), s.subscriberId(), s.simIccId()));
        CompletableFuture<List<Sim>> chain = call(timeout -> extensions.querySysCaps(timeout),
                REQUEST_TIMEOUT, "sys caps")
                .handle((caps, error) -> {
                    if (error != null && !MbimErrors.isUnsupported(error)) {
                        throw MbimErrors.toModemException(error, "sys caps");
                    }
                    return caps;
                })
                .thenCompose(caps -> caps == null || caps.numberOfSlots() < 1
                        ? subscriber.thenApply(MbimSims::singleSlot)
                        : slots((int) caps.numberOfSlots(), subscriber));
        return MbimCalls.boundedChain(chain, REQUEST_TIMEOUT, "SIM slots");
    }

    private CompletableFuture<List<Sim>> slots(int count, CompletableFuture<MbimSims.Subscriber> subscriber) {
        CompletableFuture<Integer> active = call(timeout -> extensions.queryDeviceSlotMappings(timeout),
                REQUEST_TIMEOUT, "device slot mappings")
                .handle((map, error) -> error != null || map.slotMap().isEmpty() ? -1
                        : (int) map.slotMap().getFirst().slot());
        List<CompletableFuture<EnumValue<UiccSlotState>>> states = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            long slotIndex = index;
            states.add(call(timeout -> extensions.querySlotInfoStatus(slotIndex, timeout),
                    REQUEST_TIMEOUT, "slot info status")
                    .handle((status, error) -> error == null ? status.state() : null));
        }
        return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
                .thenCombine(active, (ignored, activeIndex) -> activeIndex)
                .thenCombine(subscriber, (activeIndex, card) -> MbimSims.of(
                        states.stream().map(CompletableFuture::join).toList(), activeIndex, card));
    }

    @Override
    public CompletableFuture<Void> switchSimSlot(int slot) {
        CompletableFuture<Void> chain = call(timeout -> extensions.querySysCaps(timeout), REQUEST_TIMEOUT, "sys caps")
                .exceptionallyCompose(error -> MbimErrors.isUnsupported(error)
                        ? failed(Kind.UNSUPPORTED, "the modem has no MS Basic Connect Extensions: one SIM slot only")
                        : CompletableFuture.failedFuture(error))
                .thenCompose(caps -> {
                    if (caps.numberOfSlots() <= 1) {
                        return failed(Kind.UNSUPPORTED, "the modem has a single SIM slot");
                    }
                    if (slot < 1 || slot > caps.numberOfSlots()) {
                        return failed(Kind.REJECTED, "no SIM slot " + slot + " (the modem has "
                                + caps.numberOfSlots() + ")");
                    }
                    // MBIM slots are 0-based; the one executor gets the chosen slot.
                    return call(timeout -> extensions.setDeviceSlotMappings(List.of(new Slot(slot - 1)), timeout),
                            SLOT_SWITCH_TIMEOUT, "set device slot mappings").thenApply(map -> null);
                });
        return MbimCalls.boundedChain(chain, SLOT_SWITCH_TIMEOUT, "switch to SIM slot " + slot);
    }

    @Override
    public CompletableFuture<Registration> registration() {
        CompletableFuture<Registration> state = mbimEx2
                ? call(timeout -> basic.queryRegisterStateV2(timeout), REQUEST_TIMEOUT, "register state")
                        .thenApply(s -> MbimRegistrations.of(s.registerState(), s.providerId(), s.providerName(),
                                s.availableDataClasses()))
                : call(timeout -> basic.queryRegisterState(timeout), REQUEST_TIMEOUT, "register state")
                        .thenApply(s -> MbimRegistrations.of(s.registerState(), s.providerId(), s.providerName(),
                                s.availableDataClasses()));
        return MbimCalls.boundedChain(state.thenCompose(this::withAttachApn), REQUEST_TIMEOUT, "registration");
    }

    /** Adds the APN the modem attached with, when it is on a network and tells (LTE attach info). */
    private CompletableFuture<Registration> withAttachApn(Registration registration) {
        boolean onNetwork = registration.state() == RegistrationState.HOME
                || registration.state() == RegistrationState.ROAMING;
        return onNetwork ? attach.attachedApn().thenApply(registration::withAttachApn)
                : CompletableFuture.completedFuture(registration);
    }

    private void registrationChanged(Registration registration) {
        events.emit(withAttachApn(registration).thenApply(ModemEvent.RegistrationChanged::new));
    }

    @Override
    public CompletableFuture<Signal> signal() {
        CompletableFuture<Signal> chain = mbimEx2
                ? call(timeout -> basic.querySignalStateV2(timeout), REQUEST_TIMEOUT, "signal state")
                        .thenCompose(s -> withRsrq(s.rssi(), s.rsrpSnr()))
                : call(timeout -> basic.querySignalState(timeout), REQUEST_TIMEOUT, "signal state")
                        .thenCompose(s -> withRsrq(s.rssi(), List.of()));
        return MbimCalls.boundedChain(chain, REQUEST_TIMEOUT, "signal");
    }

    /** Adds RSRQ from the serving LTE cell, when the modem has base stations info; never fails for its sake. */
    private CompletableFuture<Signal> withRsrq(long rssi, List<RsrpSnrInfo> rsrpSnr) {
        if (baseStationsUnsupported || MbimSignals.silent(rssi)) {
            return CompletableFuture.completedFuture(MbimSignals.of(rssi, rsrpSnr, null));
        }
        MsBasicConnectExtensions.BaseStationsInfoQueryRequest onlyServing =
                MsBasicConnectExtensions.BaseStationsInfoQueryRequest.builder().build();
        return call(timeout -> extensions.queryBaseStationsInfo(onlyServing, timeout),
                REQUEST_TIMEOUT, "base stations info")
                .handle((cells, error) -> {
                    if (error != null && MbimErrors.isUnsupported(error)) {
                        baseStationsUnsupported = true;
                    }
                    CellInfoServingLte lte = error == null ? cells.lteServingCell() : null;
                    return MbimSignals.of(rssi, rsrpSnr, lte);
                });
    }

    private void signalChanged(long rssi, List<RsrpSnrInfo> rsrpSnr) {
        events.emit(withRsrq(rssi, rsrpSnr).thenApply(ModemEvent.SignalChanged::new));
    }

    /** RATs as Register State data classes (no order in MBIM), PLMNs as preferred providers. */
    @Override
    public CompletableFuture<Void> setPreferences(List<Rat> rats, List<String> plmns) {
        java.util.Objects.requireNonNull(rats, "rats");
        java.util.Objects.requireNonNull(plmns, "plmns");
        return preferences.set(rats, plmns);
    }

    /** The home context of MS Basic Connect Extensions' LTE attach configuration. */
    @Override
    public CompletableFuture<Void> setAttachProfile(BearerProfile profile) {
        if (profile == null) {
            return CompletableFuture.completedFuture(null); // never changed here, so the modem's own is in place
        }
        return attach.set(profile);
    }

    @Override
    public CompletableFuture<BearerSettings> connect(BearerProfile profile, boolean allowRoaming) {
        java.util.Objects.requireNonNull(profile, "profile");
        CompletableFuture<Void> roamingChecked = allowRoaming ? CompletableFuture.completedFuture(null)
                : registration().thenCompose(r -> r.state() == RegistrationState.ROAMING
                        ? failed(Kind.REJECTED, "roaming is not allowed and the modem is roaming on "
                                + r.mcc() + r.mnc())
                        : CompletableFuture.completedFuture(null));
        return MbimCalls.boundedChain(roamingChecked.thenCompose(ignored -> data.connect(profile)), CONNECT_TIMEOUT,
                "connect " + profile.apn());
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return data.disconnect();
    }

    @Override
    public CompletableFuture<Optional<BearerSettings>> bearerSettings() {
        return data.settings();
    }

    @Override
    public CompletableFuture<Counters> counters() {
        return call(timeout -> basic.queryPacketStatistics(timeout), REQUEST_TIMEOUT, "packet statistics")
                .thenApply(MbimCounters::of);
    }

    @Override
    public CompletableFuture<List<Provider>> scanProviders(Consumer<ScanProgress> progress) {
        java.util.Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        CompletableFuture<List<Provider>> scan = call(timeout -> basic.queryVisibleProviders(
                VisibleProvidersAction.FULL_SCAN, timeout), SCAN_TIMEOUT, "visible providers")
                .thenApply(visible -> MbimProviders.of(visible.providers()));
        // The first report comes from our side too (never re-entrantly inside the caller's call), and always
        // before the result, so even an instant answer was announced as a scan in progress.
        CompletableFuture<Void> firstReport = CompletableFuture.runAsync(() -> report(progress, started),
                LoopFuture.callbacks());
        firstReport.thenRun(() -> scheduleProgress(scan, progress, started));
        return scan.thenCombine(firstReport, (providers, ignored) -> providers);
    }

    /** Tells the caller how long the scan has run, every few seconds until it ends. */
    private static void scheduleProgress(CompletableFuture<?> scan, Consumer<ScanProgress> progress, long started) {
        CompletableFuture.delayedExecutor(SCAN_PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS,
                LoopFuture.callbacks()).execute(() -> {
            if (!scan.isDone()) {
                report(progress, started);
                scheduleProgress(scan, progress, started);
            }
        });
    }

    private static void report(Consumer<ScanProgress> progress, long started) {
        try {
            progress.accept(new ScanProgress(Duration.ofNanos(System.nanoTime() - started), SCAN_TIMEOUT, 0));
        } catch (RuntimeException e) {
            LOG.warn("scan progress listener failed", e);
        }
    }

    @Override
    public CompletableFuture<Void> startLocation(Duration interval) {
        java.util.Objects.requireNonNull(interval, "interval");
        // Opening QMI over MBIM and LOC's two requests: bounded as a whole like the other chains.
        return MbimCalls.boundedChain(location.start(interval), LOCATION_START_TIMEOUT, "start location");
    }

    @Override
    public CompletableFuture<Void> stopLocation() {
        return MbimCalls.boundedChain(location.stop(), REQUEST_TIMEOUT, "stop location");
    }

    @Override
    public CompletableFuture<Void> reset() {
        return MbimRadioCycle.run(this::setPower);
    }

    @Override
    public AutoCloseable addListener(ModemListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        return events.add(listener);
    }

    /** Closes the subscriptions and the port; an active data session stays up (MBIM sessions survive CLOSE). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (MbimSubscription subscription : subscriptions) {
            subscription.close();
        }
        events.clear();
        location.close();
        try {
            device.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: closing failed", device.path(), e);
        }
    }

    private void connectChanged(BasicConnect.ConnectResponse session) {
        if (session.sessionId() != MbimBearers.SESSION_ID) {
            return;
        }
        if (session.activationState().is(ActivationState.ACTIVATED)) {
            events.emit(new ModemEvent.BearerChanged(true, null));
        } else if (session.activationState().is(ActivationState.DEACTIVATED)) {
            events.emit(new ModemEvent.BearerChanged(false, session.nwError() == 0 ? "deactivated"
                    : "deactivated, network error " + session.nwError()));
        }
    }

    /** Coalesces a burst of SIM notifications into one read of every slot after it has settled. */
    private void simsChanged() {
        if (!simRefreshScheduled.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<ModemEvent> event = new CompletableFuture<>();
        events.emit(event);
        CompletableFuture.delayedExecutor(SIM_NOTIFICATION_SETTLE.toMillis(), TimeUnit.MILLISECONDS,
                LoopFuture.callbacks()).execute(() -> {
            simRefreshScheduled.set(false); // a notification from now on needs a read after this one
            sims().<ModemEvent>thenApply(ModemEvent.SimsChanged::new).whenComplete((value, error) -> {
                if (error == null) {
                    event.complete(value);
                } else {
                    event.completeExceptionally(error);
                }
            });
        });
    }

    /** Sends a request with {@code bound} as its timeout (see {@link MbimRequester}). */
    private <T> CompletableFuture<T> call(java.util.function.Function<Duration, LoopFuture<T>> request,
                                          Duration bound, String what) {
        return requester.call(request, bound, what);
    }

    private static <T> CompletableFuture<T> failed(Kind kind, String message) {
        return CompletableFuture.failedFuture(new ModemException(kind, message));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "MbimModem[" + device.path() + ", MBIMEx " + (mbimEx2 ? 2 : 1) + "]";
    }
}
