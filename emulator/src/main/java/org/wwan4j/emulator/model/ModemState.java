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
    private Position position;
    private boolean locationActive;
    private Set<EmulatedRat> ratPreference;
    private List<Plmn> preferredNetworks;
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
        position = ModemDefaults.position();
        locationActive = false;
        ratPreference = ModemDefaults.ratPreference();
        preferredNetworks = ModemDefaults.preferredNetworks();
        // A locked modem boots locked (the lock is re-armed at every boot) and in low power, as laptop modems do.
        fccLocked = fccLockedAtBoot;
        if (fccLocked) {
            power = PowerState.LOW_POWER;
        }
        simPin = simPin == null ? null : simPin.afterReboot();
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
            bearer = new EmulatedBearer(true, request.apn(), type, request.auth(), Instant.now(clock),
                    type.hasIpv4() ? ModemDefaults.ipv4() : null, type.hasIpv6() ? ModemDefaults.ipv6() : null,
                    ModemDefaults.MTU);
            counters = EmulatedCounters.ZERO;
            LOG.info("bearer up: {}", request);
        }
        fire(StateAspect.BEARER);
        return Optional.empty();
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
        if (bearer.connected()) {
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
            if (bearer.connected() && !dataStalled) {
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
