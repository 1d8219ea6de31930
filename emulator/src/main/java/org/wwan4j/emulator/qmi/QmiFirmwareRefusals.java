package org.wwan4j.emulator.qmi;

import java.util.Set;
import org.wwan4j.emulator.FirmwareProfile;

/**
 * The messages a firmware generation does not know, refused before any service sees them, with InvalidQmiCommand
 * as older Qualcomm firmware answers a message it lacks. The legacy profile lacks UIM Read Transparent, Get Slot
 * Status and Verify PIN (PINs go through DMS UIM Verify PIN there), NAS Get Signal Info and Get System Info, NAS
 * Config Signal Info (v1 and v2), NAS Register Indications asking for the Signal Info or System Info indications
 * (the TLVs came with those messages), and WDA Get/Set Data Format (such firmware frames the link in 802.3 only, as
 * qmi_wwan did before raw-IP). Old firmware answers an
 * unknown TLV variously (InvalidQmiCommand, NotSupported); a host must treat both as "not supported", and the
 * brief's choice, InvalidQmiCommand, is the one used here.
 */
final class QmiFirmwareRefusals {

    private static final int CONFIG_SIGNAL_INFO = 0x0050;
    private static final int CONFIG_SIGNAL_INFO_V2 = 0x006C;

    /** Service and message, packed as {@code service << 16 | message}. */
    private static final Set<Integer> LEGACY_UNKNOWN = Set.of(
            key(QmiServiceId.UIM, UimService.READ_TRANSPARENT),
            key(QmiServiceId.UIM, UimService.GET_SLOT_STATUS),
            key(QmiServiceId.UIM, UimService.VERIFY_PIN),
            key(QmiServiceId.NAS, NasService.GET_SIGNAL_INFO),
            key(QmiServiceId.NAS, NasService.GET_SYSTEM_INFO),
            key(QmiServiceId.NAS, CONFIG_SIGNAL_INFO),
            key(QmiServiceId.NAS, CONFIG_SIGNAL_INFO_V2),
            key(QmiServiceId.WDA, WdaService.GET_DATA_FORMAT),
            key(QmiServiceId.WDA, WdaService.SET_DATA_FORMAT));

    private final FirmwareProfile profile;

    QmiFirmwareRefusals(FirmwareProfile profile) {
        this.profile = profile;
    }

    /** Throws the firmware's refusal when it does not know this request. */
    void check(int service, int messageId, Tlvs request) {
        if (profile != FirmwareProfile.LEGACY) {
            return;
        }
        boolean unknownIndication = service == QmiServiceId.NAS && messageId == NasService.REGISTER_INDICATIONS
                && (enabled(request, NasService.REGISTER_SIGNAL_INFO)
                || enabled(request, NasService.REGISTER_SYSTEM_INFO));
        if (LEGACY_UNKNOWN.contains(key(service, messageId)) || unknownIndication) {
            throw new QmiRequestException(QmiError.INVALID_QMI_COMMAND, String.format(
                    "%s message 0x%04X%s unknown to legacy firmware", QmiServiceId.name(service), messageId,
                    unknownIndication ? " (signal/system info indications)" : ""));
        }
    }

    /** Whether slot status events exist on this firmware (they came with Get Slot Status). */
    boolean hasSlotStatus() {
        return profile != FirmwareProfile.LEGACY;
    }

    private static boolean enabled(Tlvs request, int tlv) {
        return request.get(tlv).map(flag -> flag.u8() != 0).orElse(false);
    }

    private static int key(int service, int messageId) {
        return service << 16 | messageId;
    }
}
