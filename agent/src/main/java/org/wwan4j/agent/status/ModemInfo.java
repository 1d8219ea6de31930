package org.wwan4j.agent.status;

import java.util.List;
import org.wwan4j.agent.config.Protocol;

/**
 * One snapshot of one modem: what {@code info --json} prints and what each modem entry of the status file carries
 * after its agent-side fields. Any part may be null when not (yet) known.
 *
 * @param profiles the data profiles stored in the modem, read once per bring-up; empty when not read
 */
public record ModemInfo(String device, Protocol protocol, Identity identity, Power power, List<Sim> sims,
        Registration registration, Signal signal, Bearer bearer, Counters counters, List<Provider> providers,
        Location location, List<StoredProfile> profiles) {

    public ModemInfo {
        sims = sims == null ? List.of() : List.copyOf(sims);
        providers = providers == null ? List.of() : List.copyOf(providers);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** Without stored profiles (what {@code info} and the tests that do not look at them build). */
    public ModemInfo(String device, Protocol protocol, Identity identity, Power power, List<Sim> sims,
            Registration registration, Signal signal, Bearer bearer, Counters counters, List<Provider> providers,
            Location location) {
        this(device, protocol, identity, power, sims, registration, signal, bearer, counters, providers, location,
                List.of());
    }

    /** Nothing known but where the modem is. */
    public static ModemInfo unknown(String device, Protocol protocol) {
        return new ModemInfo(device, protocol, null, Power.UNKNOWN, List.of(), null, null, null, null, List.of(), null);
    }
}
