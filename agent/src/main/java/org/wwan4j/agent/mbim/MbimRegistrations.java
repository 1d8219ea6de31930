package org.wwan4j.agent.mbim;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.FlagSet;
import org.wwan4j.mbim.DataClass;
import org.wwan4j.mbim.RegisterState;

/** MBIM register state to the neutral {@link Registration}: state, MCC/MNC from the provider id, data classes. */
final class MbimRegistrations {

    private MbimRegistrations() {
    }

    static Registration of(EnumValue<RegisterState> state, String providerId, String providerName,
                           FlagSet<DataClass> dataClasses) {
        RegistrationState neutral = state(state);
        boolean onNetwork = neutral == RegistrationState.HOME || neutral == RegistrationState.ROAMING
                || neutral == RegistrationState.DENIED;
        String mcc = onNetwork ? mcc(providerId) : null;
        String mnc = onNetwork ? mnc(providerId) : null;
        String operator = onNetwork && providerName != null && !providerName.isEmpty() ? providerName : null;
        return new Registration(neutral, mcc, mnc, operator, onNetwork ? rats(dataClasses) : List.of());
    }

    static RegistrationState state(EnumValue<RegisterState> state) {
        RegisterState known = state.constant();
        if (known == null) {
            return RegistrationState.UNKNOWN;
        }
        return switch (known) {
            case HOME -> RegistrationState.HOME;
            // A partner network is roaming as far as tariffs and forbidRoaming are concerned.
            case ROAMING, PARTNER -> RegistrationState.ROAMING;
            case SEARCHING -> RegistrationState.SEARCHING;
            case DENIED -> RegistrationState.DENIED;
            case DEREGISTERED -> RegistrationState.IDLE;
            case UNKNOWN -> RegistrationState.UNKNOWN;
        };
    }

    /**
     * The first three digits of an MBIM provider id (MCC followed by a 2 or 3 digit MNC), or null when it is not
     * such an id. The id is kept as text so a leading zero ("26207" gives "07") survives.
     */
    static String mcc(String providerId) {
        return isPlmn(providerId) ? providerId.substring(0, 3) : null;
    }

    static String mnc(String providerId) {
        return isPlmn(providerId) ? providerId.substring(3) : null;
    }

    private static boolean isPlmn(String providerId) {
        return providerId != null && (providerId.length() == 5 || providerId.length() == 6)
                && providerId.chars().allMatch(Character::isDigit);
    }

    /**
     * Data classes grouped into the RATs the status knows, newest first as ModemManager lists them. 5G NSA means an
     * LTE anchor with an NR leg: both are in use, even when a modem reports the 5G NSA class alone.
     */
    static List<Rat> rats(FlagSet<DataClass> classes) {
        List<Rat> rats = new ArrayList<>();
        if (classes.contains(DataClass._5G_NSA) || classes.contains(DataClass._5G_SA)) {
            rats.add(Rat.NR5G);
        }
        if (classes.contains(DataClass.LTE) || classes.contains(DataClass._5G_NSA)) {
            rats.add(Rat.LTE);
        }
        if (classes.contains(DataClass.UMTS) || classes.contains(DataClass.HSDPA)
                || classes.contains(DataClass.HSUPA)) {
            rats.add(Rat.UMTS);
        }
        if (classes.contains(DataClass.GPRS) || classes.contains(DataClass.EDGE)) {
            rats.add(Rat.GSM);
        }
        return rats;
    }
}
