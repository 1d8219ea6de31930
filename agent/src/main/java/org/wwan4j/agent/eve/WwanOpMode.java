package org.wwan4j.agent.eve;

import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.RegistrationState;

/**
 * EVE's {@code WwanOpMode} from what the agent knows of a modem, by mmagent's rules: radio off (low power) wins,
 * then connected, then registered is "online"; searching, denied or idle with the radio on is "offline"; a modem
 * whose state is not known is "unrecognized"; nothing read yet is "".
 */
final class WwanOpMode {

    static final String UNSPECIFIED = "";
    static final String ONLINE = "online";
    static final String CONNECTED = "online-and-connected";
    static final String RADIO_OFF = "radio-off";
    static final String OFFLINE = "offline";
    static final String UNRECOGNIZED = "unrecognized";

    private WwanOpMode() {
    }

    static String of(ModemInfo info) {
        if (info == null || info.power() == null) {
            return UNSPECIFIED;
        }
        Power power = info.power();
        if (power == Power.LOW_POWER) {
            return RADIO_OFF;
        }
        if (power == Power.UNKNOWN) {
            return info.identity() == null ? UNSPECIFIED : UNRECOGNIZED;
        }
        if (power == Power.OFFLINE) {
            return OFFLINE;
        }
        if (info.bearer() != null && info.bearer().connected()) {
            return CONNECTED;
        }
        RegistrationState reg = info.registration() == null ? null : info.registration().state();
        return reg == RegistrationState.HOME || reg == RegistrationState.ROAMING ? ONLINE : OFFLINE;
    }
}
