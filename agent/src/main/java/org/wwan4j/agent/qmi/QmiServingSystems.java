package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.NasRadioInterface;
import org.wwan4j.qmi.NasRegistrationState;
import org.wwan4j.qmi.NasRoamingIndicatorStatus;

/**
 * NAS Serving System (response and indication) to the neutral {@link Registration}. The response and the
 * indication are distinct records with the same TLVs, so both are taken apart here into the same few values.
 */
final class QmiServingSystems {

    private QmiServingSystems() {
    }

    static Registration of(ClientNas.GetServingSystemOutput out) {
        var serving = out.servingSystem();
        var plmn = out.currentPlmn();
        var pcs = out.mncPcsDigitIncludeStatus();
        return registration(serving == null ? null : serving.registrationState(),
                serving == null ? null : serving.radioInterfaces(), out.roamingIndicator(),
                plmn == null ? null : plmn.mcc(), plmn == null ? null : plmn.mnc(),
                plmn == null ? null : plmn.description(),
                pcs == null ? null : pcs.mnc(), pcs == null ? null : pcs.includesPcsDigit());
    }

    static Registration of(ClientNas.ServingSystemIndication ind) {
        var serving = ind.servingSystem();
        var plmn = ind.currentPlmn();
        var pcs = ind.mncPcsDigitIncludeStatus();
        return registration(serving == null ? null : serving.registrationState(),
                serving == null ? null : serving.radioInterfaces(), ind.roamingIndicator(),
                plmn == null ? null : plmn.mcc(), plmn == null ? null : plmn.mnc(),
                plmn == null ? null : plmn.description(),
                pcs == null ? null : pcs.mnc(), pcs == null ? null : pcs.includesPcsDigit());
    }

    /**
     * @param pcsMnc       MNC of the PCS-digit TLV, which wins over the Current PLMN one when present
     * @param threeDigits  whether that MNC has three digits
     */
    private static Registration registration(EnumValue<NasRegistrationState> state,
            List<EnumValue<NasRadioInterface>> radios, EnumValue<NasRoamingIndicatorStatus> roaming, Integer mcc,
            Integer mnc, String operator, Integer pcsMnc, Boolean threeDigits) {
        RegistrationState neutral = state(state, roaming);
        boolean registered = neutral == RegistrationState.HOME || neutral == RegistrationState.ROAMING;
        if (!registered) {
            return new Registration(neutral, null, null, null, List.of());
        }
        String mncText = pcsMnc != null ? QmiPlmnDigits.mnc(pcsMnc, threeDigits) : QmiPlmnDigits.mnc(mnc, null);
        String name = operator == null || operator.isBlank() ? null : operator;
        return new Registration(neutral, QmiPlmnDigits.mcc(mcc), mncText, name, rats(radios));
    }

    private static RegistrationState state(EnumValue<NasRegistrationState> state,
            EnumValue<NasRoamingIndicatorStatus> roaming) {
        if (state == null || state.constant() == null) {
            return RegistrationState.UNKNOWN;
        }
        return switch (state.constant()) {
            case REGISTERED -> roaming != null && roaming.is(NasRoamingIndicatorStatus.ON)
                    ? RegistrationState.ROAMING : RegistrationState.HOME;
            case NOT_REGISTERED_SEARCHING -> RegistrationState.SEARCHING;
            case REGISTRATION_DENIED -> RegistrationState.DENIED;
            case NOT_REGISTERED -> RegistrationState.IDLE;
            case UNKNOWN -> RegistrationState.UNKNOWN;
        };
    }

    static List<Rat> rats(List<EnumValue<NasRadioInterface>> radios) {
        List<Rat> rats = new ArrayList<>();
        if (radios == null) {
            return rats;
        }
        for (EnumValue<NasRadioInterface> radio : radios) {
            Rat rat = rat(radio.constant());
            if (rat != null && !rats.contains(rat)) {
                rats.add(rat);
            }
        }
        return rats;
    }

    static Rat rat(NasRadioInterface radio) {
        if (radio == null) {
            return null;
        }
        return switch (radio) {
            case GSM -> Rat.GSM;
            case UMTS, TD_SCDMA -> Rat.UMTS;
            case LTE -> Rat.LTE;
            case _5GNR -> Rat.NR5G;
            default -> null;
        };
    }
}
