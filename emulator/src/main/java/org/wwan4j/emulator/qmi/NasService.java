package org.wwan4j.emulator.qmi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wwan4j.emulator.model.Plmn;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedProviderStatus;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedNrSignal;
import org.wwan4j.emulator.model.EmulatedSignal;
import org.wwan4j.emulator.model.StateAspect;

/**
 * QMI NAS (qmi-service-nas.json): serving system, signal, system info, network scan, system selection and preferred
 * networks, and the serving-system, signal-info and event-report (signal strength) indications. The Serving System indication numbers LAC, cell id,
 * TAC and the PCS-digit TLV differently from the Get Serving System response; each is built from its own table.
 */
final class NasService implements QmiService {

    static final int SET_EVENT_REPORT = 0x0002;
    static final int EVENT_REPORT_INDICATION = 0x0002;
    static final int REGISTER_INDICATIONS = 0x0003;
    static final int GET_SIGNAL_STRENGTH = 0x0020;
    static final int NETWORK_SCAN = 0x0021;
    static final int GET_SERVING_SYSTEM = 0x0024;
    static final int SERVING_SYSTEM_INDICATION = 0x0024;
    static final int GET_PREFERRED_NETWORKS = 0x0026;
    static final int SET_PREFERRED_NETWORKS = 0x0027;
    static final int SET_SYSTEM_SELECTION_PREFERENCE = 0x0033;
    static final int GET_SYSTEM_SELECTION_PREFERENCE = 0x0034;
    static final int GET_SYSTEM_INFO = 0x004D;
    static final int SYSTEM_INFO_INDICATION = 0x004E;
    static final int GET_SIGNAL_INFO = 0x004F;
    static final int SIGNAL_INFO_INDICATION = 0x0051;

    /** TLV ids that differ between the Get Serving System response and the Serving System indication. */
    record ServingSystemLayout(int lac, int cellId, int tac, int pcsDigit) {
    }

    static final ServingSystemLayout SERVING_SYSTEM_RESPONSE = new ServingSystemLayout(0x1C, 0x1D, 0x24, 0x27);
    static final ServingSystemLayout SERVING_SYSTEM_INDICATION_LAYOUT = new ServingSystemLayout(0x1D, 0x1E, 0x25, 0x29);

    /** Set Event Report TLVs of the signal indicators this emulator honours (each starts with a "report" flag). */
    static final int REPORT_SIGNAL_STRENGTH = 0x10;
    static final int REPORT_RSSI = 0x13;
    static final int REPORT_LTE_SNR = 0x1B;
    static final int REPORT_LTE_RSRP = 0x1C;
    private static final int[] SIGNAL_REPORTS = {REPORT_SIGNAL_STRENGTH, REPORT_RSSI, REPORT_LTE_SNR, REPORT_LTE_RSRP};

    /** Register Indications TLVs this emulator honours. */
    static final int REGISTER_SERVING_SYSTEM = 0x13;
    static final int REGISTER_SYSTEM_INFO = 0x18;
    static final int REGISTER_SIGNAL_INFO = 0x19;

    private static final int REGISTRATION_NOT_REGISTERED = 0;
    private static final int REGISTRATION_REGISTERED = 1;
    private static final int REGISTRATION_SEARCHING = 2;
    private static final int REGISTRATION_DENIED = 3;
    private static final int ATTACHED = 1;
    private static final int DETACHED = 2;
    private static final int NETWORK_TYPE_UNKNOWN = 0;
    private static final int NETWORK_TYPE_3GPP = 2;
    private static final int ROAMING_ON = 0;
    private static final int ROAMING_OFF = 1;
    private static final int DATA_CAPABILITY_GSM = 0x09;
    private static final int DATA_CAPABILITY_WCDMA = 0x05;
    private static final int DATA_CAPABILITY_LTE = 0x0B;
    private static final int SERVICE_NONE = 0;
    private static final int SERVICE_LIMITED = 1;
    private static final int SERVICE_AVAILABLE = 2;
    private static final int DOMAIN_CS_PS = 3;
    private static final int ROAMING_STATUS_OFF = 0;
    private static final int ROAMING_STATUS_ON = 1;
    /** QmiNasNetworkStatus bits. */
    private static final int STATUS_CURRENT_SERVING = 1;
    private static final int STATUS_AVAILABLE = 1 << 1;
    private static final int STATUS_HOME = 1 << 2;
    private static final int STATUS_ROAMING = 1 << 3;
    private static final int STATUS_FORBIDDEN = 1 << 4;
    private static final int STATUS_NOT_FORBIDDEN = 1 << 5;
    /** QmiNasRatModePreference bits. */
    private static final int MODE_GSM = 1 << 2;
    private static final int MODE_UMTS = 1 << 3;
    private static final int MODE_LTE = 1 << 4;
    private static final int MODE_5GNR = 1 << 6;
    /** QmiNasPlmnAccessTechnologyIdentifier bits. */
    private static final int ACCESS_GSM = 1 << 7;
    private static final int ACCESS_NGRAN = 1 << 11;
    private static final int ACCESS_EUTRAN = 1 << 14;
    private static final int ACCESS_UTRAN = 1 << 15;
    private static final int ROAMING_PREFERENCE_ANY = 0xFF;
    private static final int SCAN_RESULT_SUCCESS = 0;
    /** "EUTRA with NR5G availability" in the Get System Info response and in the System Info indication. */
    private static final int ENDC_AVAILABLE_RESPONSE_TLV = 0x4E;
    private static final int ENDC_AVAILABLE_INDICATION_TLV = 0x50;
    /** LTE SNR travels in tenths of a dB. */
    private static final double SNR_UNITS_PER_DB = 10.0;

    private final QmiContext context;
    /** Indication registrations per client; serving-system indications are on by default, as on Qualcomm modems. */
    private final Map<Integer, Set<Integer>> registrations = new ConcurrentHashMap<>();
    /** Signal indicators each client turned on with Set Event Report (none by default). */
    private final Map<Integer, Set<Integer>> eventReports = new ConcurrentHashMap<>();

    NasService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.NAS;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        return switch (messageId) {
            case SET_EVENT_REPORT -> setEventReport(clientId, request);
            case REGISTER_INDICATIONS -> registerIndications(clientId, request);
            case GET_SERVING_SYSTEM -> servingSystem(SERVING_SYSTEM_RESPONSE);
            case GET_SIGNAL_INFO -> signalInfo();
            case GET_SIGNAL_STRENGTH -> signalStrength();
            case GET_SYSTEM_INFO -> systemInfo(ENDC_AVAILABLE_RESPONSE_TLV);
            case NETWORK_SCAN -> networkScan();
            case GET_SYSTEM_SELECTION_PREFERENCE -> systemSelectionPreference();
            case SET_SYSTEM_SELECTION_PREFERENCE -> setSystemSelectionPreference(request);
            case GET_PREFERRED_NETWORKS -> preferredNetworks();
            case SET_PREFERRED_NETWORKS -> setPreferredNetworks(request);
            default -> throw QmiService.unknownMessage(id(), messageId);
        };
    }

    private Set<Integer> registrationsOf(int clientId) {
        return registrations.computeIfAbsent(clientId, c -> ConcurrentHashMap.newKeySet());
    }

    private boolean registered(int clientId, int what) {
        Set<Integer> set = registrations.get(clientId);
        return set == null ? what == REGISTER_SERVING_SYSTEM : set.contains(what);
    }

    private byte[] registerIndications(int clientId, Tlvs request) {
        Set<Integer> set = registrationsOf(clientId);
        if (set.isEmpty() && !request.has(REGISTER_SERVING_SYSTEM)) {
            set.add(REGISTER_SERVING_SYSTEM);
        }
        for (int tlv : new int[] {REGISTER_SERVING_SYSTEM, REGISTER_SYSTEM_INFO, REGISTER_SIGNAL_INFO}) {
            request.get(tlv).ifPresent(flag -> {
                if (flag.u8() != 0) {
                    set.add(tlv);
                } else {
                    set.remove(tlv);
                }
            });
        }
        return new byte[0];
    }

    private byte[] setEventReport(int clientId, Tlvs request) {
        Set<Integer> set = eventReports.computeIfAbsent(clientId, c -> ConcurrentHashMap.newKeySet());
        for (int tlv : SIGNAL_REPORTS) {
            request.get(tlv).ifPresent(indicator -> {
                if (indicator.u8() != 0) {
                    set.add(tlv);
                } else {
                    set.remove(tlv);
                }
            });
        }
        return new byte[0];
    }

    @Override
    public void clientReleased(int clientId) {
        registrations.remove(clientId);
        eventReports.remove(clientId);
    }

    @Override
    public void reboot() {
        registrations.clear();
        eventReports.clear();
    }

    @Override
    public void stateChanged(StateAspect aspect) {
        switch (aspect) {
            case REGISTRATION -> {
                indicate(REGISTER_SERVING_SYSTEM, SERVING_SYSTEM_INDICATION,
                        servingSystem(SERVING_SYSTEM_INDICATION_LAYOUT));
                // Checked against the definitions: the System Info indication numbers its LTE TLVs (0x14, 0x19) as
                // the Get System Info response does; only the later NR5G TLVs differ, hence the parameter.
                indicate(REGISTER_SYSTEM_INFO, SYSTEM_INFO_INDICATION, systemInfo(ENDC_AVAILABLE_INDICATION_TLV));
            }
            case SIGNAL -> {
                indicate(REGISTER_SIGNAL_INFO, SIGNAL_INFO_INDICATION, signalInfo());
                reportSignal();
            }
            default -> {
            }
        }
    }

    private void indicate(int registration, int messageId, byte[] tlvs) {
        for (int clientId : context.clients().clients(id())) {
            if (registered(clientId, registration)) {
                context.indications().send(id(), clientId, messageId, tlvs);
            }
        }
    }

    // ---- serving system ------------------------------------------------------------------------------------------

    private byte[] servingSystem(ServingSystemLayout layout) {
        EmulatedRegistration registration = context.state().registration();
        boolean registered = registration.state().registered();
        TlvWriter out = new TlvWriter().tlv(0x01).u8(registrationState(registration.state()))
                .u8(registered ? ATTACHED : DETACHED).u8(registered ? ATTACHED : DETACHED)
                .u8(registered ? NETWORK_TYPE_3GPP : NETWORK_TYPE_UNKNOWN);
        List<EmulatedRat> rats = registered ? ordered(registration.rats()) : List.of();
        out.u8(rats.size());
        rats.forEach(rat -> out.u8(radioInterface(rat)));
        if (!registered) {
            return out.toBytes();
        }
        out.tlv(0x10).u8(registration.state() == EmulatedRegistrationState.ROAMING ? ROAMING_ON : ROAMING_OFF);
        out.tlv(0x11).u8(rats.size());
        rats.forEach(rat -> out.u8(dataCapability(rat)));
        out.tlv(0x12).u16(QmiPlmn.number(registration.mcc())).u16(QmiPlmn.number(registration.mnc()))
                .u8String(registration.operatorName());
        out.tlv(layout.lac()).u16(registration.lac());
        out.tlv(layout.cellId()).u32(registration.cellId());
        if (registration.rats().contains(EmulatedRat.LTE)) {
            out.tlv(layout.tac()).u16(registration.tac());
        }
        out.tlv(layout.pcsDigit()).u16(QmiPlmn.number(registration.mcc())).u16(QmiPlmn.number(registration.mnc()))
                .u8(QmiPlmn.hasPcsDigit(registration.mnc()) ? 1 : 0);
        return out.toBytes();
    }

    private static int registrationState(EmulatedRegistrationState state) {
        return switch (state) {
            case HOME, ROAMING -> REGISTRATION_REGISTERED;
            case SEARCHING -> REGISTRATION_SEARCHING;
            case DENIED -> REGISTRATION_DENIED;
            case IDLE -> REGISTRATION_NOT_REGISTERED;
        };
    }

    static List<EmulatedRat> ordered(Set<EmulatedRat> rats) {
        return rats.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(rats));
    }

    static int radioInterface(EmulatedRat rat) {
        return switch (rat) {
            case GSM -> 0x04;
            case UMTS -> 0x05;
            case LTE -> 0x08;
            case NR5G -> 0x0C;
        };
    }

    private static int dataCapability(EmulatedRat rat) {
        return switch (rat) {
            case GSM -> DATA_CAPABILITY_GSM;
            case UMTS -> DATA_CAPABILITY_WCDMA;
            case LTE, NR5G -> DATA_CAPABILITY_LTE;
        };
    }

    // ---- signal --------------------------------------------------------------------------------------------------

    /**
     * LTE Signal Strength (0x14); on a 5G NSA network also the NR5G leg: 5G Signal Strength (0x17: RSRP, SNR) and
     * 5G Signal Strength Extended (0x18: RSRQ), as the response and the indication number them alike.
     */
    private byte[] signalInfo() {
        if (!context.state().hasRadioSignal()) {
            return new byte[0];
        }
        EmulatedSignal signal = context.state().signal();
        TlvWriter out = new TlvWriter().tlv(0x14).i8(signal.rssi()).i8(signal.rsrq()).i16(signal.rsrp())
                .i16((int) Math.round(signal.snr() * SNR_UNITS_PER_DB));
        EmulatedNrSignal nr = context.state().nrSignal();
        if (nr != null) {
            out.tlv(0x17).i16(nr.rsrp()).i16((int) Math.round(nr.snr() * SNR_UNITS_PER_DB))
                    .tlv(0x18).i16(nr.rsrq());
        }
        return out.toBytes();
    }

    /**
     * The Event Report to each client that asked for signal indicators, with the TLVs it asked for (RSRQ rides with
     * RSSI: Set Event Report has no RSRQ indicator of its own). Without a radio signal there is nothing to report.
     */
    private void reportSignal() {
        if (!context.state().hasRadioSignal()) {
            return;
        }
        EmulatedSignal signal = context.state().signal();
        int lte = radioInterface(EmulatedRat.LTE);
        eventReports.forEach((clientId, reports) -> {
            if (reports.isEmpty() || !context.clients().clients(id()).contains(clientId)) {
                return;
            }
            TlvWriter out = new TlvWriter();
            if (reports.contains(REPORT_SIGNAL_STRENGTH)) {
                out.tlv(0x10).i8(signal.rssi()).i8(lte);
            }
            if (reports.contains(REPORT_RSSI)) {
                out.tlv(0x13).u8(-signal.rssi()).i8(lte);
                out.tlv(0x18).i8(signal.rsrq()).i8(lte);
            }
            if (reports.contains(REPORT_LTE_SNR)) {
                out.tlv(0x19).i16((int) Math.round(signal.snr() * SNR_UNITS_PER_DB));
            }
            if (reports.contains(REPORT_LTE_RSRP)) {
                out.tlv(0x1A).i16(signal.rsrp());
            }
            context.indications().send(id(), clientId, EVENT_REPORT_INDICATION, out.toBytes());
        });
    }

    private byte[] signalStrength() {
        if (!context.state().hasRadioSignal()) {
            throw new QmiRequestException(QmiError.NO_RADIO, "no radio signal");
        }
        EmulatedSignal signal = context.state().signal();
        int lte = radioInterface(EmulatedRat.LTE);
        return new TlvWriter().tlv(0x01).i8(signal.rssi()).i8(lte)
                .tlv(0x11).u16(1).u8(-signal.rssi()).i8(lte)
                .tlv(0x16).i8(signal.rsrq()).i8(lte)
                .tlv(0x17).i16((int) Math.round(signal.snr() * SNR_UNITS_PER_DB))
                .tlv(0x18).i16(signal.rsrp()).toBytes();
    }

    // ---- system info ---------------------------------------------------------------------------------------------

    /**
     * Only the LTE part: service status (0x14) and LTE System Info v2 (0x19); on a 5G NSA network also "EUTRA with
     * NR5G availability" (the LTE cell offers an NR leg: EN-DC), whose TLV number differs between the response and
     * the indication.
     */
    private byte[] systemInfo(int endcAvailableTlv) {
        EmulatedRegistration registration = context.state().registration();
        boolean registered = registration.state().registered();
        boolean limited = registration.state() == EmulatedRegistrationState.DENIED;
        int status = registered ? SERVICE_AVAILABLE : limited ? SERVICE_LIMITED : SERVICE_NONE;
        TlvWriter out = new TlvWriter().tlv(0x14).u8(status).u8(status).u8(registered ? 1 : 0);
        if (!registered) {
            return out.toBytes();
        }
        boolean roaming = registration.state() == EmulatedRegistrationState.ROAMING;
        out.tlv(0x19)
                .u8(1).u8(DOMAIN_CS_PS)
                .u8(1).u8(DOMAIN_CS_PS)
                .u8(1).u8(roaming ? ROAMING_STATUS_ON : ROAMING_STATUS_OFF)
                .u8(1).u8(0)
                .u8(1).u16(registration.lac())
                .u8(1).u32(registration.cellId())
                .u8(0).u8(0).u8(0)
                .u8(1).bytes(registration.mcc().getBytes(StandardCharsets.US_ASCII))
                .bytes(QmiPlmn.fixedMnc(registration.mnc()))
                .u8(1).u16(registration.tac());
        if (registration.rats().contains(EmulatedRat.NR5G)) {
            out.tlv(endcAvailableTlv).u8(1);
        }
        return out.toBytes();
    }

    // ---- network scan --------------------------------------------------------------------------------------------

    private byte[] networkScan() {
        List<EmulatedProvider> providers = context.state().providers();
        if (providers.isEmpty()) {
            throw new QmiRequestException(QmiError.NO_RADIO, "radio off or no coverage");
        }
        TlvWriter out = new TlvWriter().tlv(0x10).u16(providers.size());
        for (EmulatedProvider provider : providers) {
            out.u16(QmiPlmn.number(provider.mcc())).u16(QmiPlmn.number(provider.mnc())).u8(networkStatus(provider))
                    .u8String(provider.name());
        }
        List<int[]> rats = new ArrayList<>();
        for (EmulatedProvider provider : providers) {
            for (EmulatedRat rat : ordered(provider.rats())) {
                rats.add(new int[] {QmiPlmn.number(provider.mcc()), QmiPlmn.number(provider.mnc()), radioInterface(rat)});
            }
        }
        out.tlv(0x11).u16(rats.size());
        rats.forEach(r -> out.u16(r[0]).u16(r[1]).i8(r[2]));
        out.tlv(0x12).u16(providers.size());
        for (EmulatedProvider provider : providers) {
            out.u16(QmiPlmn.number(provider.mcc())).u16(QmiPlmn.number(provider.mnc()))
                    .u8(QmiPlmn.hasPcsDigit(provider.mnc()) ? 1 : 0);
        }
        out.tlv(0x13).u32(SCAN_RESULT_SUCCESS);
        return out.toBytes();
    }

    private static int networkStatus(EmulatedProvider provider) {
        int status = provider.status() == EmulatedProviderStatus.CURRENT ? STATUS_CURRENT_SERVING : STATUS_AVAILABLE;
        status |= provider.roaming() ? STATUS_ROAMING : STATUS_HOME;
        status |= provider.status() == EmulatedProviderStatus.FORBIDDEN ? STATUS_FORBIDDEN : STATUS_NOT_FORBIDDEN;
        return status;
    }

    // ---- system selection preference -----------------------------------------------------------------------------

    private byte[] systemSelectionPreference() {
        Set<EmulatedRat> rats = context.state().ratPreference();
        TlvWriter out = new TlvWriter().tlv(0x10).u8(0).tlv(0x11).u16(modePreference(rats))
                .tlv(0x14).u16(ROAMING_PREFERENCE_ANY).tlv(0x16).u8(0);
        List<EmulatedRat> order = new ArrayList<>(ordered(rats));
        java.util.Collections.reverse(order);
        out.tlv(0x1C).u8(order.size());
        order.forEach(rat -> out.i8(radioInterface(rat)));
        return out.toBytes();
    }

    private byte[] setSystemSelectionPreference(Tlvs request) {
        request.get(0x11).ifPresent(mode -> {
            Set<EmulatedRat> rats = ratsOfModePreference(mode.u16());
            if (rats.isEmpty()) {
                throw new QmiRequestException(QmiError.INVALID_ARGUMENT, "no supported RAT in mode preference");
            }
            context.state().setRatPreference(rats);
        });
        return new byte[0];
    }

    private static int modePreference(Set<EmulatedRat> rats) {
        int mode = 0;
        for (EmulatedRat rat : rats) {
            mode |= switch (rat) {
                case GSM -> MODE_GSM;
                case UMTS -> MODE_UMTS;
                case LTE -> MODE_LTE;
                case NR5G -> MODE_5GNR;
            };
        }
        return mode;
    }

    private static Set<EmulatedRat> ratsOfModePreference(int mode) {
        Set<EmulatedRat> rats = EnumSet.noneOf(EmulatedRat.class);
        if ((mode & MODE_GSM) != 0) {
            rats.add(EmulatedRat.GSM);
        }
        if ((mode & MODE_UMTS) != 0) {
            rats.add(EmulatedRat.UMTS);
        }
        if ((mode & MODE_LTE) != 0) {
            rats.add(EmulatedRat.LTE);
        }
        if ((mode & MODE_5GNR) != 0) {
            rats.add(EmulatedRat.NR5G);
        }
        return rats;
    }

    // ---- preferred networks --------------------------------------------------------------------------------------

    private byte[] preferredNetworks() {
        List<Plmn> networks = context.state().preferredNetworks();
        TlvWriter out = new TlvWriter().tlv(0x10).u16(networks.size());
        networks.forEach(plmn -> out.u16(QmiPlmn.number(plmn.mcc())).u16(QmiPlmn.number(plmn.mnc()))
                .u16(accessTechnology(plmn.rats())));
        out.tlv(0x12).u8(networks.size());
        networks.forEach(plmn -> out.u16(QmiPlmn.number(plmn.mcc())).u16(QmiPlmn.number(plmn.mnc()))
                .u8(QmiPlmn.hasPcsDigit(plmn.mnc()) ? 1 : 0));
        return out.toBytes();
    }

    private byte[] setPreferredNetworks(Tlvs request) {
        TlvReader list = request.require(0x10);
        int count = list.u16();
        int[][] entries = new int[count][3];
        for (int i = 0; i < count; i++) {
            entries[i] = new int[] {list.u16(), list.u16(), list.u16()};
        }
        Map<Integer, Boolean> pcs = new java.util.HashMap<>();
        request.get(0x11).ifPresent(digits -> {
            int n = digits.u8();
            for (int i = 0; i < n; i++) {
                int key = digits.u16() * 1000 + digits.u16();
                pcs.put(key, digits.u8() != 0);
            }
        });
        List<Plmn> networks = new ArrayList<>();
        for (int[] e : entries) {
            boolean pcsDigit = pcs.getOrDefault(e[0] * 1000 + e[1], false);
            networks.add(new Plmn(QmiPlmn.mcc(e[0]), QmiPlmn.mnc(e[1], pcsDigit), ratsOfAccessTechnology(e[2])));
        }
        context.state().setPreferredNetworks(networks);
        return new byte[0];
    }

    private static int accessTechnology(Set<EmulatedRat> rats) {
        int access = 0;
        for (EmulatedRat rat : rats) {
            access |= switch (rat) {
                case GSM -> ACCESS_GSM;
                case UMTS -> ACCESS_UTRAN;
                case LTE -> ACCESS_EUTRAN;
                case NR5G -> ACCESS_NGRAN;
            };
        }
        return access;
    }

    private static Set<EmulatedRat> ratsOfAccessTechnology(int access) {
        Set<EmulatedRat> rats = EnumSet.noneOf(EmulatedRat.class);
        if ((access & ACCESS_GSM) != 0) {
            rats.add(EmulatedRat.GSM);
        }
        if ((access & ACCESS_UTRAN) != 0) {
            rats.add(EmulatedRat.UMTS);
        }
        if ((access & ACCESS_EUTRAN) != 0) {
            rats.add(EmulatedRat.LTE);
        }
        if ((access & ACCESS_NGRAN) != 0) {
            rats.add(EmulatedRat.NR5G);
        }
        return rats;
    }
}
