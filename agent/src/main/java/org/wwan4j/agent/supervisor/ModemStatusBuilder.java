package org.wwan4j.agent.supervisor;

import java.time.Instant;
import java.util.List;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.Health;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.Location;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.RecentEvents;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.StoredProfile;
import org.wwan4j.agent.status.UnlockStatus;
import org.wwan4j.agent.status.StatusEvent;

/** The mutable parts of one modem's status, owned by its supervisor's thread; {@link #build()} takes a snapshot. */
final class ModemStatusBuilder {

    String name;
    String device;
    Protocol protocol;
    Identity identity;
    Power power = Power.UNKNOWN;
    List<Sim> sims = List.of();
    Registration registration;
    Signal signal;
    Bearer bearer;
    Counters counters;
    List<Provider> providers = List.of();
    Location location;
    List<StoredProfile> profiles = List.of();
    HealthState healthState = HealthState.ABSENT;
    String lastError;
    int recoveries;
    RecoveryStep recoveryStep;
    String configError;
    String probeError;
    /** The vendor:product id the vendor table was looked up with, or null. */
    String hardwareId;
    /** The USB descriptor's manufacturer string, for a modem that names none itself; null when unknown. */
    String usbManufacturer;
    UnlockStatus.FccUnlock fcc;
    SimLock simLock;
    /** "accepted" or "rejected": how the SIM answered the last PIN the agent entered. */
    String pinAttempt;
    private final RecentEvents events = new RecentEvents(RecentEvents.DEFAULT_CAPACITY);
    private final java.util.function.Consumer<StatusEvent> eventSink;

    /** @param eventSink told of each event as it is recorded (the status keeps only the last few) */
    ModemStatusBuilder(String name, java.util.function.Consumer<StatusEvent> eventSink) {
        this.name = name;
        this.eventSink = eventSink;
    }

    void event(Instant at, String kind, String message) {
        StatusEvent event = new StatusEvent(at, kind, message);
        events.add(event);
        eventSink.accept(event);
    }

    void connected(String apn, Instant at, BearerSettings settings) {
        bearer = new Bearer(true, apn, at, settings.ipv4(), settings.ipv6(), settings.dataFormat());
    }

    void disconnected() {
        bearer = Bearer.DISCONNECTED;
    }

    /** Everything read from a modem goes; identity stays (it helps to see which modem vanished). */
    void forgetModemState() {
        power = Power.UNKNOWN;
        sims = List.of();
        registration = null;
        signal = null;
        bearer = null;
        counters = null;
        location = null;
        simLock = null;
        profiles = List.of();
    }

    ModemStatus build() {
        ModemInfo info = new ModemInfo(device, protocol, identity, power, sims, registration, signal, bearer,
                counters, providers, location, profiles);
        return new ModemStatus(name, new Health(healthState, lastError, recoveries, recoveryStep), configError, probeError,
                events.snapshot(), info, new UnlockStatus(hardwareId, fcc, simLock, pinAttempt));
    }
}
