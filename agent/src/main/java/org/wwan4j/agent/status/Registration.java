package org.wwan4j.agent.status;

import java.util.List;
import org.wwan4j.agent.config.Rat;

/**
 * Network registration and the RATs in use.
 *
 * @param mnc 2 or 3 digits, leading zero kept ("07")
 */
public record Registration(RegistrationState state, String mcc, String mnc, String operator, List<Rat> rats) {

    public Registration {
        rats = rats == null ? List.of() : List.copyOf(rats);
    }
}
