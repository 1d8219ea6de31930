package org.wwan4j.emulator.model;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one protocol-neutral modem behind every emulated port. Everything is immutable records swapped under one lock;
 * listeners are told which aspect changed after the lock is released, so they may read the state and send frames
 * without risking a lock-order deadlock.
 *
 * <p>Registration has two layers: the network the modem would register on ({@link #setNetworkRegistration}, which
 * scripts and tests drive) and what it reports ({@link #registration()}), which also depends on power, SIM and
 * coverage: a modem in low power or without a SIM is not registered whatever the network says.
 */
public final class ModemState {

    private static final Logger LOG = LoggerFactory.getLogger(ModemState.class);
    /** Each tick moves the emulated position by this much, so consecutive position reports differ. */
    private static final double POSITION_DRIFT_DEGREES = 0.00001;

    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    private EmulatedIdentity identity;
    private PowerState power;
    private List<SimSlot> simSlots;
    private EmulatedRegistration networkRegistration;
    private boolean coverage;
    private EmulatedSignal signal;
    private List<EmulatedProvider> providers;
    private List<EmulatedAccessPoint> accessPoints;
    private List<Profile> profiles;
    private int defaultProfile;
    private EmulatedBearer bearer;
    private EmulatedCounters counters;
    private boolean dataStalled;
    /** The firmware moves packets only in raw-IP framing (a property of the modem kept across reboots). */
    private boolean rawIpRequired;
    /** WDA's link layer protocol is raw-IP (a reboot forgets it: the modem starts in 802.3). */
    private boolean linkLayerRawIp;
    /** The blocked data path was logged for this bearer; logged once, not once per tick. */
    private boolean dataPathErrorLogged;
    private Position position;
    private boolean locationActive;
    private Set<EmulatedRat> ratPreference;
    private List<Plmn> preferredNetworks;
    private List<EmulatedAttachContext> attachContexts;
    private EmulatedNrSignal nrSignal;
    /** A 5G NSA network: the LTE anchor carries an NR5G leg. A property of the network, so it survives reboots. */
    private boolean nr5gNsa;
    /** Whether the modem boots FCC-locked (refusing to go online until unlocked), and whether it is now. */
    private boolean fccLockedAtBoot;
    private boolean fccLocked;
    /** The active card's PIN1, or null when the card asks for no PIN. */
    private SimPinLock simPin;

    public ModemState() {
        this(Clock.systemUTC());
    }

    public ModemState(Clock clock) {
        this.clock = clock;
        loadDefaults();
    }

    private void loadDefaults() {
        identity = ModemDefaults.identity();
        power = PowerState.ONLINE;
        simSlots = ModemDefaults.simSlots();
        networkRegistration = ModemDefaults.homeRegistration();
        coverage = true;
        signal = ModemDefaults.signal();
        providers = ModemDefaults.providers();
        accessPoints = ModemDefaults.accessPoints();
        profiles = ModemDefaults.profiles();
        defaultProfile = 1;
        bearer = EmulatedBearer.DISCONNECTED;
        counters = EmulatedCounters.ZERO;
        dataStalled = false;
        linkLayerRawIp = false;
        dataPathErrorLogged = false;
        position = ModemDefaults.position();
        locationActive = false;
        ratPreference = ModemDefaults.ratPreference();
        preferredNetworks = ModemDefaults.preferredNetworks();
        attachContexts = ModemDefaults.attachContexts();
        nrSignal = ModemDefaults.nrSignal();
        if (nr5gNsa) {
            networkRegistration = withNr5g(networkRegistration);
        }
        // A locked modem boots locked (the lock is re-armed at every boot) and in low power, as laptop modems do.
        fccLocked = fccLockedAtBoot;
        if (fccLocked) {
            power = PowerState.LOW_POWER;
        }
        simPin = simPin == null ? null : simPin.afterReboot();
    }

    private static EmulatedRegistration withNr5g(EmulatedRegistration registration) {
        if (registration.mcc() == null || registration.rats().contains(EmulatedRat.NR5G)) {
            return registration;
        }
        Set<EmulatedRat> rats = EnumSet.of(EmulatedRat.NR5G);
        rats.addAll(registration.rats());
        return registration.withRats(rats);
    }

    public void addListener(StateListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StateListener listener) {
        listeners.remove(listener);
    }

    private void fire(StateAspect... aspects) {
        for (StateAspect aspect : aspects) {
            for (StateListener listener : listeners) {
                try {
                    listener.stateChanged(aspect);
                } catch (RuntimeException e) {
                    LOG.warn("state listener failed on {}", aspect, e);
                }
            }
        }
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    public synchronized EmulatedIdentity identity() {
        return identity;
    }

    public synchronized PowerState power() {
        return power;
    }

    public synchronized List<SimSlot> simSlots() {
        return simSlots;
    }

    /** The slot the modem uses, if any. */
    public synchronized Optional<SimSlot> activeSlot() {
        return simSlots.stream().filter(SimSlot::active).findFirst();
    }

    /** The active slot if it holds a card. */
    public synchronized Optional<SimSlot> activeCard() {
        return activeSlot().filter(SimSlot::cardPresent);
    }

    /** What the modem reports: the network's registration unless power, SIM or coverage prevent it. */
    public synchronized EmulatedRegistration registration() {
        if (power != PowerState.ONLINE) {
            return EmulatedRegistration.none(EmulatedRegistrationState.IDLE);
        }
        if (activeCard().isEmpty() || !coverage || simLocked()) {
            return EmulatedRegistration.none(EmulatedRegistrationState.SEARCHING);
        }
        return networkRegistration;
    }

    public synchronized EmulatedSignal signal() {
        return signal;
    }

    /**
     * The NR5G leg's signal while registered on a 5G NSA network (the registration lists NR5G beside LTE), else
     * null: without the leg a modem reports no NR values at all.
     */
    public synchronized EmulatedNrSignal nrSignal() {
        return nr5gNsa && hasRadioSignal() && registration().rats().contains(EmulatedRat.NR5G) ? nrSignal : null;
    }

    /** True when the network is 5G NSA (see {@link #enableNr5gNsa}). */
    public synchronized boolean nr5gNsa() {
        return nr5gNsa;
    }

    /** The LTE attach contexts, home first (MBIM LTE attach configuration). */
    public synchronized List<EmulatedAttachContext> attachContexts() {
        return attachContexts;
    }

    /** The context the modem attaches with now: home unless the registration is roaming. */
    public synchronized EmulatedAttachContext currentAttachContext() {
        EmulatedAttachContext.Roaming where = registration().state() == EmulatedRegistrationState.ROAMING
                ? EmulatedAttachContext.Roaming.NON_PARTNER : EmulatedAttachContext.Roaming.HOME;
        return attachContexts.stream().filter(c -> c.roaming() == where).findFirst()
                .orElse(EmulatedAttachContext.factory(where));
    }

    /** True when the radio hears the network at all (online with coverage). */
    public synchronized boolean hasRadioSignal() {
        return power == PowerState.ONLINE && coverage;
    }

    public synchronized List<EmulatedProvider> providers() {
        return power == PowerState.ONLINE && coverage ? providers : List.of();
    }

    public synchronized List<Profile> profiles() {
        return profiles;
    }

    public synchronized Optional<Profile> profile(int index) {
        return profiles.stream().filter(p -> p.index() == index).findFirst();
    }

    public synchronized int defaultProfile() {
        return defaultProfile;
    }

    public synchronized EmulatedBearer bearer() {
        return bearer;
    }

    public synchronized EmulatedCounters counters() {
        return counters;
    }

    public synchronized boolean dataStalled() {
        return dataStalled;
    }

    public synchronized Position position() {
        return position;
    }

    public synchronized boolean locationActive() {
        return locationActive;
    }

    public synchronized Set<EmulatedRat> ratPreference() {
        return ratPreference;
    }

    public synchronized List<Plmn> preferredNetworks() {
        return preferredNetworks;
    }

    public synchronized List<EmulatedAccessPoint> accessPoints() {
        return accessPoints;
    }

    // ---- changes -----------------------------------------------------------------------------------------------

    /** Back to the defaults, as after a modem reboot. */
    public void reset() {
        synchronized (this) {
            loadDefaults();
        }
        fire(StateAspect.REBOOT, StateAspect.POWER, StateAspect.SIMS, StateAspect.REGISTRATION, StateAspect.SIGNAL,
                StateAspect.BEARER);
    }

    /** Whether the radio refuses to go online until an FCC unlock arrives. */
    public synchronized boolean fccLocked() {
        return fccLocked;
    }

    /**
     * Makes the modem FCC-locked from now on, across reboots (true), or never (false). Locking takes the radio down
     * to low power, as the modem would boot.
     */
    public void setFccLocked(boolean locked) {
        synchronized (this) {
            fccLockedAtBoot = locked;
            fccLocked = locked;
        }
        if (locked) {
            setPower(PowerState.LOW_POWER);
        }
    }

    /** The FCC unlock arrived: the radio may go online until the next boot. */
    public void fccUnlock() {
        synchronized (this) {
            fccLocked = false;
        }
    }

    /** The card's PIN lock, or null when it has none. */
    public synchronized SimPinLock simPin() {
        return simPin;
    }

    /** Whether the active card waits for its PIN (or its PUK). */
    public synchronized boolean simLocked() {
        return simPin != null && simPin.locked() && activeCard().isPresent();
    }

    /** Gives the active card a PIN it asks for at boot; null removes it. */
    public void setSimPin(String pin) {
        synchronized (this) {
            simPin = pin == null ? null : SimPinLock.fresh(pin);
        }
        fireAfterRegistrationChange(false, StateAspect.SIMS);
    }

    /** Enters a PIN on the active card: accepted, rejected (one attempt fewer) or blocked (no attempts left). */
    public SimPinLock.Result enterPin(String attempt) {
        SimPinLock.Result result;
        synchronized (this) {
            if (simPin == null || simPin.verified()) {
                return SimPinLock.Result.ACCEPTED;
            }
            if (simPin.pukBlocked()) {
                return SimPinLock.Result.BLOCKED;
            }
            simPin = simPin.afterAttempt(attempt);
            result = simPin.verified() ? SimPinLock.Result.ACCEPTED : SimPinLock.Result.REJECTED;
        }
        fireAfterRegistrationChange(false, StateAspect.SIMS);
        return result;
    }

    public void setIdentity(EmulatedIdentity newIdentity) {
        synchronized (this) {
            identity = newIdentity;
        }
    }

    /** Leaving ONLINE deregisters and drops the bearer, as a real radio-off does. */
    public void setPower(PowerState newPower) {
        boolean bearerDropped;
        synchronized (this) {
            if (power == newPower) {
                return;
            }
            power = newPower;
            bearerDropped = newPower != PowerState.ONLINE && dropBearerLocked();
        }
        fireAfterRegistrationChange(bearerDropped, StateAspect.POWER);
    }

    public void setNetworkRegistration(EmulatedRegistration registration) {
        boolean bearerDropped;
        synchronized (this) {
            networkRegistration = registration;
            bearerDropped = !registration().state().registered() && dropBearerLocked();
        }
        fireAfterRegistrationChange(bearerDropped);
    }

    /** Coverage lost (false) or back (true); losing it drops the bearer. */
    public void setCoverage(boolean available) {
        boolean bearerDropped;
        synchronized (this) {
            if (coverage == available) {
                return;
            }
            coverage = available;
            bearerDropped = !available && dropBearerLocked();
        }
        fireAfterRegistrationChange(bearerDropped, StateAspect.SIGNAL);
    }

    public void setSignal(EmulatedSignal newSignal) {
        synchronized (this) {
            signal = newSignal;
        }
        fire(StateAspect.SIGNAL);
    }

    public void setProviders(List<EmulatedProvider> newProviders) {
        synchronized (this) {
            providers = List.copyOf(newProviders);
        }
        fire(StateAspect.PROVIDERS);
    }

    public void setAccessPoints(List<EmulatedAccessPoint> newAccessPoints) {
        synchronized (this) {
            accessPoints = List.copyOf(newAccessPoints);
        }
    }

    /** Pulls (false) or reinserts (true) the card of the active slot. */
    public void setActiveCardPresent(boolean present) {
        boolean bearerDropped;
        synchronized (this) {
            List<SimSlot> changed = new ArrayList<>();
            for (SimSlot slot : simSlots) {
                changed.add(slot.active() ? slot.withCardPresent(present) : slot);
            }
            simSlots = List.copyOf(changed);
            bearerDropped = !present && dropBearerLocked();
        }
        fireAfterRegistrationChange(bearerDropped, StateAspect.SIMS);
    }

    /** Makes {@code slotNumber} the active slot; false if there is no such slot. Switching drops the bearer. */
    public boolean switchSlot(int slotNumber) {
        boolean bearerDropped;
        synchronized (this) {
            if (simSlots.stream().noneMatch(s -> s.number() == slotNumber)) {
                return false;
            }
            List<SimSlot> changed = new ArrayList<>();
            for (SimSlot slot : simSlots) {
                changed.add(slot.withActive(slot.number() == slotNumber));
            }
            simSlots = List.copyOf(changed);
            bearerDropped = dropBearerLocked();
        }
        fireAfterRegistrationChange(bearerDropped, StateAspect.SIMS);
        return true;
    }

    /**
     * Turns the network into 5G NSA (EN-DC): registrations on it list NR5G beside LTE and the NR leg has its own
     * signal. Kept across reboots, like the network itself.
     */
    public void enableNr5gNsa() {
        synchronized (this) {
            nr5gNsa = true;
            networkRegistration = withNr5g(networkRegistration);
        }
        fire(StateAspect.REGISTRATION, StateAspect.SIGNAL);
    }

    public void setNrSignal(EmulatedNrSignal newSignal) {
        synchronized (this) {
            nrSignal = newSignal;
        }
        fire(StateAspect.SIGNAL);
    }

    /** Replaces the LTE attach contexts (one per roaming situation); the next attach uses them. */
    public void setAttachContexts(List<EmulatedAttachContext> contexts) {
        synchronized (this) {
            attachContexts = List.copyOf(contexts);
        }
        fire(StateAspect.ATTACH);
    }

    public void setRatPreference(Set<EmulatedRat> rats) {
        synchronized (this) {
            ratPreference = rats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rats));
        }
        fire(StateAspect.PREFERENCES);
    }

    public void setPreferredNetworks(List<Plmn> networks) {
        synchronized (this) {
            preferredNetworks = List.copyOf(networks);
        }
        fire(StateAspect.PREFERENCES);
    }

    /** Replaces (or adds) the profile with the same index. */
    public void putProfile(Profile profile) {
        synchronized (this) {
            List<Profile> changed = new ArrayList<>(profiles.stream().filter(p -> p.index() != profile.index()).toList());
            changed.add(profile);
            changed.sort((a, b) -> Integer.compare(a.index(), b.index()));
            profiles = List.copyOf(changed);
        }
        fire(StateAspect.PROFILES);
    }

    public void setDefaultProfile(int index) {
        synchronized (this) {
            defaultProfile = index;
        }
        fire(StateAspect.PROFILES);
    }

    /**
     * Brings the bearer up if the network accepts the request: radio on, SIM in, registered, a known APN and (when
     * that APN demands them) the right credentials. Empty when it is up, else why not.
     */
    public Optional<ConnectFailure> connect(ConnectRequest request) {
        synchronized (this) {
            Optional<ConnectFailure> refused = refusal(request);
            if (refused.isPresent()) {
                LOG.info("bearer refused: {} for {}", refused.get(), request);
                return refused;
            }
            EmulatedIpType type = request.ipType() == null ? EmulatedIpType.IPV4 : request.ipType();
            if (addsFamily(request)) {
                // A QMI host brings dual stack up as two calls, one per WDS client: the second joins the first.
                bearer = new EmulatedBearer(true, bearer.apn(), EmulatedIpType.IPV4V6, bearer.auth(),
                        bearer.connectedAt(), ModemDefaults.ipv4(), ModemDefaults.ipv6(), bearer.mtu());
                LOG.info("bearer family added: {}", request);
            } else {
                bearer = new EmulatedBearer(true, request.apn(), type, request.auth(), Instant.now(clock),
                        type.hasIpv4() ? ModemDefaults.ipv4() : null, type.hasIpv6() ? ModemDefaults.ipv6() : null,
                        ModemDefaults.MTU);
                counters = EmulatedCounters.ZERO;
                dataPathErrorLogged = false;
                LOG.info("bearer up: {}", request);
            }
        }
        fire(StateAspect.BEARER);
        return Optional.empty();
    }

    /** A single-family request for the other family of the APN that is up. */
    private boolean addsFamily(ConnectRequest request) {
        if (!bearer.connected() || request.ipType() == null || request.ipType() == EmulatedIpType.IPV4V6
                || bearer.ipType() == EmulatedIpType.IPV4V6 || request.ipType() == bearer.ipType()) {
            return false;
        }
        return bearer.apn() != null && bearer.apn().equalsIgnoreCase(request.apn() == null ? "" : request.apn());
    }

    private Optional<ConnectFailure> refusal(ConnectRequest request) {
        if (power != PowerState.ONLINE) {
            return Optional.of(ConnectFailure.RADIO_OFF);
        }
        if (activeCard().isEmpty()) {
            return Optional.of(ConnectFailure.NO_SIM);
        }
        if (!registration().state().registered()) {
            return Optional.of(ConnectFailure.NOT_REGISTERED);
        }
        if (bearer.connected() && !addsFamily(request)) {
            return Optional.of(ConnectFailure.ALREADY_CONNECTED);
        }
        Optional<EmulatedAccessPoint> known = accessPoints.stream()
                .filter(ap -> ap.apn().equalsIgnoreCase(request.apn() == null ? "" : request.apn())).findFirst();
        if (known.isEmpty()) {
            return Optional.of(ConnectFailure.UNKNOWN_APN);
        }
        EmulatedAccessPoint ap = known.get();
        if (ap.auth() != EmulatedAuth.NONE) {
            boolean authOffered = request.auth() != null && request.auth() != EmulatedAuth.NONE;
            if (!authOffered || !ap.username().equals(request.username())
                    || !ap.password().equals(request.password())) {
                return Optional.of(ConnectFailure.AUTH_FAILED);
            }
        }
        return Optional.empty();
    }

    /** Brings the bearer down; false if it was not up. */
    public boolean disconnect() {
        synchronized (this) {
            if (!dropBearerLocked()) {
                return false;
            }
        }
        fire(StateAspect.BEARER);
        return true;
    }

    /**
     * Takes one family of the bearer down (a QMI host stops the call of one WDS client); the bearer goes when its
     * last family does. False if that family was not up.
     */
    public boolean disconnectFamily(EmulatedIpType family) {
        synchronized (this) {
            if (!bearer.connected() || family == EmulatedIpType.IPV4V6 || bearer.ipType() == family) {
                if (!dropBearerLocked()) {
                    return false;
                }
            } else if (bearer.ipType() != EmulatedIpType.IPV4V6) {
                return false;
            } else {
                EmulatedIpType left = family == EmulatedIpType.IPV4 ? EmulatedIpType.IPV6 : EmulatedIpType.IPV4;
                bearer = new EmulatedBearer(true, bearer.apn(), left, bearer.auth(), bearer.connectedAt(),
                        left.hasIpv4() ? bearer.ipv4() : null, left.hasIpv6() ? bearer.ipv6() : null, bearer.mtu());
                LOG.info("bearer family down: {} (apn {})", family, bearer.apn());
            }
        }
        fire(StateAspect.BEARER);
        return true;
    }

    /**
     * Makes this firmware pass traffic only in raw-IP framing, as most modems of the last decade do: until a host
     * sets the link layer to raw-IP (QMI WDA Set Data Format), a connected bearer moves no packets and its counters
     * stay zero. Kept across reboots (it is the firmware's, not a setting).
     */
    public void setRawIpRequired(boolean required) {
        synchronized (this) {
            rawIpRequired = required;
        }
    }

    public synchronized boolean rawIpRequired() {
        return rawIpRequired;
    }

    /** WDA's link layer protocol: raw-IP (true) or 802.3 (false, the state after power-up). */
    public void setLinkLayerRawIp(boolean rawIp) {
        synchronized (this) {
            linkLayerRawIp = rawIp;
        }
    }

    public synchronized boolean linkLayerRawIp() {
        return linkLayerRawIp;
    }

    /**
     * Why a connected bearer moves no traffic because of how the host framed the link, or null when nothing
     * blocks it: what a real modem leaves the host to find out from counters that never move.
     */
    public synchronized String dataPathError() {
        if (rawIpRequired && !linkLayerRawIp) {
            return "raw-IP required: the link layer is 802.3, no traffic flows until WDA Set Data Format asks raw-IP";
        }
        return null;
    }

    /** While stalled the bearer stays up but no traffic flows: counters freeze. */
    public void setDataStalled(boolean stalled) {
        synchronized (this) {
            dataStalled = stalled;
        }
    }

    public void setPosition(Position newPosition) {
        synchronized (this) {
            position = newPosition;
        }
        fire(StateAspect.LOCATION);
    }

    public void setLocationActive(boolean active) {
        synchronized (this) {
            locationActive = active;
        }
    }

    /**
     * Time passes: traffic flows on a connected, unstalled bearer, and an active location session gets a new fix.
     * Called periodically by the emulator (and directly by tests that want a deterministic step).
     */
    public void tick() {
        boolean countersMoved = false;
        boolean positionMoved = false;
        synchronized (this) {
            String blocked = dataPathError();
            if (bearer.connected() && blocked != null && !dataPathErrorLogged) {
                LOG.warn("bearer up but {}", blocked);
                dataPathErrorLogged = true;
            }
            if (bearer.connected() && !dataStalled && blocked == null) {
                counters = counters.plus(ModemDefaults.trafficPerTick());
                countersMoved = true;
            }
            if (locationActive) {
                position = new Position(position.latitude() + POSITION_DRIFT_DEGREES,
                        position.longitude() + POSITION_DRIFT_DEGREES, position.altitude(),
                        position.horizontalUncertainty(), position.verticalUncertainty(), Instant.now(clock));
                positionMoved = true;
            }
        }
        if (countersMoved) {
            fire(StateAspect.COUNTERS);
        }
        if (positionMoved) {
            fire(StateAspect.LOCATION);
        }
    }

    private boolean dropBearerLocked() {
        if (!bearer.connected()) {
            return false;
        }
        LOG.info("bearer down (apn {})", bearer.apn());
        bearer = EmulatedBearer.DISCONNECTED;
        return true;
    }

    private void fireAfterRegistrationChange(boolean bearerDropped, StateAspect... first) {
        fire(first);
        fire(StateAspect.REGISTRATION);
        if (bearerDropped) {
            fire(StateAspect.BEARER);
        }
    }
}
