package org.wwan4j.agent.modem;

import java.util.List;
import org.wwan4j.agent.status.Location;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;

/**
 * Something the modem told us without being asked (an indication), already translated to the neutral model.
 * Each event carries the complete new value, not a delta, so a listener that missed one event is still right
 * after the next.
 */
public sealed interface ModemEvent {

    /** Serving system changed: state, operator, RATs or roaming. */
    record RegistrationChanged(Registration registration) implements ModemEvent {
    }

    /** New signal measurements. Modems send these at their own pace (QMI: on thresholds; MBIM: on interval). */
    record SignalChanged(Signal signal) implements ModemEvent {
    }

    /**
     * The default bearer went up or down on the modem's side (network disconnect, modem reset).
     *
     * @param connected whether a data session is up now
     * @param reason    the modem's reason when it went down, else null
     */
    record BearerChanged(boolean connected, String reason) implements ModemEvent {
    }

    /** Card inserted, removed, locked, profile enabled, slot switched: the full slot list after the change. */
    record SimsChanged(List<Sim> sims) implements ModemEvent {
        public SimsChanged {
            sims = List.copyOf(sims);
        }
    }

    /** Operating mode changed (e.g. low power after a thermal event, or our own request taking effect). */
    record PowerChanged(Power power) implements ModemEvent {
    }

    /** A GNSS fix while location is started. */
    record LocationChanged(Location location) implements ModemEvent {
    }

    /**
     * The modem refused every request that could give this field (its firmware knows none of them): the field
     * stays null. Sent once per field per opened modem, never repeated by later reads.
     *
     * @param field  what cannot be read, as status names it ("ICCID", "signal", "hardware revision"...)
     * @param reason the modem's refusals, request by request
     */
    record FieldUnavailable(String field, String reason) implements ModemEvent {
    }

    /**
     * The control channel is gone (device unplugged, port closed by the kernel, protocol error fatal for the
     * port). Delivered once; every request after it fails with {@link ModemException.Kind#CLOSED}.
     */
    record Removed(String reason) implements ModemEvent {
    }
}
