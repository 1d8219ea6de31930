package org.wwan4j.agent.status;

import java.util.List;
import org.wwan4j.agent.config.Rat;

/**
 * Network registration and the RATs in use (on 5G NSA both {@code lte} and {@code 5gnr}).
 *
 * @param mnc       2 or 3 digits, leading zero kept ("07")
 * @param attachApn the APN of the LTE initial EPS bearer the modem attached with, where the modem tells (MBIM:
 *                  MS Basic Connect Extensions LTE attach info); null when unknown or not attached
 */
public record Registration(RegistrationState state, String mcc, String mnc, String operator, List<Rat> rats,
        String attachApn) {

    public Registration {
        rats = rats == null ? List.of() : List.copyOf(rats);
    }

    /** A registration whose attach APN is not known. */
    public Registration(RegistrationState state, String mcc, String mnc, String operator, List<Rat> rats) {
        this(state, mcc, mnc, operator, rats, null);
    }

    /** The same registration with the attach APN the modem reported. */
    public Registration withAttachApn(String apn) {
        return new Registration(state, mcc, mnc, operator, rats, apn);
    }
}
