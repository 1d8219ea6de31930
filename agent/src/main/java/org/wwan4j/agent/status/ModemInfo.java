package org.wwan4j.agent.status;

import java.util.List;
import org.wwan4j.agent.config.Protocol;

/**
 * One snapshot of one modem: what {@code info --json} prints and what each modem entry of the status file carries
 * after its agent-side fields. Any part may be null when not (yet) known.
 */
public record ModemInfo(String device, Protocol protocol, Identity identity, Power power, List<Sim> sims,
        Registration registration, Signal signal, Bearer bearer, Counters counters, List<Provider> providers,
        Location location) {

    public ModemInfo {
        sims = sims == null ? List.of() : List.copyOf(sims);
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    /** Nothing known but where the modem is. */
    public static ModemInfo unknown(String device, Protocol protocol) {
        return new ModemInfo(device, protocol, null, Power.UNKNOWN, List.of(), null, null, null, null, List.of(), null);
    }
}
