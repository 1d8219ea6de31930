package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.NasRoamingStatus;
import org.wwan4j.qmi.NasServiceStatus;

/**
 * NAS Get System Info to the neutral {@link Registration}. System Info reports each RAT on its own: a service status
 * (none, limited, available...) and a system info with roaming and the PLMN. A RAT with full service is registered;
 * the first of those (5G, then LTE, WCDMA, GSM) gives roaming and the PLMN. Limited service (emergency calls only)
 * means the network refused us: denied. System Info carries no operator name; the caller adds it. On 5G NSA the NR
 * leg has no service status of its own: the LTE cell says it offers one ("EUTRA with NR5G availability", EN-DC), and
 * then 5G NR is in use beside LTE, as ModemManager reads it.
 */
final class QmiSystemInfos {

    /** One RAT's part of the answer, taken apart from its RAT-specific TLV records. */
    private record RatInfo(Rat rat, EnumValue<NasServiceStatus> status, Boolean roamingValid,
            EnumValue<NasRoamingStatus> roaming, Boolean networkIdValid, String mcc, String mnc) {
    }

    private QmiSystemInfos() {
    }

    static Registration of(ClientNas.GetSystemInfoOutput out) {
        List<RatInfo> rats = new ArrayList<>();
        var nr = out.nr5gSystemInfo();
        if (out.nr5gServiceStatusInfo() != null) {
            rats.add(new RatInfo(Rat.NR5G, out.nr5gServiceStatusInfo().serviceStatus(),
                    nr == null ? null : nr.roamingStatusValid(), nr == null ? null : nr.roamingStatus(),
                    nr == null ? null : nr.networkIdValid(), nr == null ? null : nr.mcc(), nr == null ? null : nr.mnc()));
        }
        var lte = out.lteSystemInfoV2();
        if (out.lteServiceStatus() != null) {
            rats.add(new RatInfo(Rat.LTE, out.lteServiceStatus().serviceStatus(),
                    lte == null ? null : lte.roamingStatusValid(), lte == null ? null : lte.roamingStatus(),
                    lte == null ? null : lte.networkIdValid(), lte == null ? null : lte.mcc(),
                    lte == null ? null : lte.mnc()));
        }
        var wcdma = out.wcdmaSystemInfoV2();
        if (out.wcdmaServiceStatus() != null) {
            rats.add(new RatInfo(Rat.UMTS, out.wcdmaServiceStatus().serviceStatus(),
                    wcdma == null ? null : wcdma.roamingStatusValid(), wcdma == null ? null : wcdma.roamingStatus(),
                    wcdma == null ? null : wcdma.networkIdValid(), wcdma == null ? null : wcdma.mcc(),
                    wcdma == null ? null : wcdma.mnc()));
        }
        var gsm = out.gsmSystemInfoV2();
        if (out.gsmServiceStatus() != null) {
            rats.add(new RatInfo(Rat.GSM, out.gsmServiceStatus().serviceStatus(),
                    gsm == null ? null : gsm.roamingStatusValid(), gsm == null ? null : gsm.roamingStatus(),
                    gsm == null ? null : gsm.networkIdValid(), gsm == null ? null : gsm.mcc(),
                    gsm == null ? null : gsm.mnc()));
        }
        return registration(rats, Boolean.TRUE.equals(out.eutraWithNr5gAvailability()));
    }

    private static Registration registration(List<RatInfo> rats, boolean endcAvailable) {
        List<RatInfo> serving = rats.stream().filter(r -> r.status() != null
                && r.status().is(NasServiceStatus.AVAILABLE)).toList();
        if (serving.isEmpty()) {
            return new Registration(unregisteredState(rats), null, null, null, List.of());
        }
        RatInfo main = serving.get(0);
        boolean roaming = Boolean.TRUE.equals(main.roamingValid()) && main.roaming() != null
                && !main.roaming().is(NasRoamingStatus.OFF);
        boolean plmn = Boolean.TRUE.equals(main.networkIdValid());
        List<Rat> inUse = new ArrayList<>();
        for (Rat rat : Rat.values()) {
            boolean nsaLeg = rat == Rat.NR5G && endcAvailable && serving.stream().anyMatch(r -> r.rat() == Rat.LTE);
            if (nsaLeg || serving.stream().anyMatch(r -> r.rat() == rat)) {
                inUse.add(rat);
            }
        }
        return new Registration(roaming ? RegistrationState.ROAMING : RegistrationState.HOME,
                plmn ? digits(main.mcc()) : null, plmn ? digits(main.mnc()) : null, null, inUse);
    }

    private static RegistrationState unregisteredState(List<RatInfo> rats) {
        if (rats.isEmpty()) {
            return RegistrationState.UNKNOWN;
        }
        boolean limited = rats.stream().anyMatch(r -> r.status() != null
                && (r.status().is(NasServiceStatus.LIMITED) || r.status().is(NasServiceStatus.LIMITED_REGIONAL)));
        if (limited) {
            return RegistrationState.DENIED;
        }
        boolean powerSave = rats.stream().allMatch(r -> r.status() != null
                && r.status().is(NasServiceStatus.POWER_SAVE));
        return powerSave ? RegistrationState.IDLE : RegistrationState.SEARCHING;
    }

    /** MCC and MNC travel as fixed 3-byte strings; a 2-digit MNC is padded (0xFF, space or NUL by firmware). */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }
}
