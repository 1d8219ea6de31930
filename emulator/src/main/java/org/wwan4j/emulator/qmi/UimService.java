package org.wwan4j.emulator.qmi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wwan4j.emulator.model.SimPinLock;
import org.wwan4j.emulator.model.SimSlot;
import org.wwan4j.emulator.model.EmulatedSimType;
import org.wwan4j.emulator.model.StateAspect;

/**
 * QMI UIM (qmi-service-uim.json): card status (with the PIN1 lock), PIN1 entry, slot status, slot switching,
 * transparent file reads (ICCID, IMSI),
 * event registration and the card-status / slot-status indications. An inactive slot holding a card reports the
 * card present but the slot inactive; an empty slot reports the card absent.
 */
final class UimService implements QmiService {

    static final int READ_TRANSPARENT = 0x0020;
    static final int VERIFY_PIN = 0x0026;
    static final int REGISTER_EVENTS = 0x002E;
    static final int GET_CARD_STATUS = 0x002F;
    static final int CARD_STATUS_INDICATION = 0x0032;
    static final int SWITCH_SLOT = 0x0046;
    static final int GET_SLOT_STATUS = 0x0047;
    static final int SLOT_STATUS_INDICATION = 0x0048;

    private static final long EVENT_CARD_STATUS = 1;
    private static final long EVENT_PHYSICAL_SLOT_STATUS = 1 << 4;
    private static final int CARD_ABSENT = 0;
    private static final int CARD_PRESENT = 1;
    private static final int PIN_DISABLED = 3;
    private static final int PIN_ENABLED_NOT_VERIFIED = 1;
    private static final int PIN_ENABLED_VERIFIED = 2;
    private static final int PIN_BLOCKED = 4;
    private static final int APP_USIM = 2;
    private static final int APP_PIN_REQUIRED = 2;
    private static final int APP_PUK_REQUIRED = 3;
    private static final int APP_READY = 7;
    private static final int PIN1 = 1;
    private static final int PERSONALIZATION_READY = 2;
    private static final int CARD_ERROR_POSSIBLY_REMOVED = 6;
    private static final int PIN_RETRIES = 3;
    private static final int PUK_RETRIES = 10;
    private static final int NO_APPLICATION = 0xFFFF;
    private static final int PHYSICAL_ABSENT = 1;
    private static final int PHYSICAL_PRESENT = 2;
    private static final int SLOT_INACTIVE = 0;
    private static final int SLOT_ACTIVE = 1;
    private static final int PROTOCOL_UNKNOWN = 0;
    private static final int PROTOCOL_UICC = 2;
    /** The USIM application id (ETSI RID A000000087, app code 1002). */
    private static final byte[] USIM_AID = {(byte) 0xA0, 0x00, 0x00, 0x00, (byte) 0x87, 0x10, 0x02, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x89, 0x06, 0x06, 0x00, 0x00};
    /** A plausible UICC answer-to-reset. */
    private static final byte[] ATR = {0x3B, (byte) 0x9F, (byte) 0x96, (byte) 0x80, 0x1F, (byte) 0xC7, (byte) 0x80,
            0x31, (byte) 0xE0, 0x73, (byte) 0xFE, 0x21, 0x1B, 0x63, 0x3A, 0x20, 0x4E, (byte) 0x83, 0x00, (byte) 0x90,
            0x00, 0x31};
    private static final int FILE_MF = 0x3F00;
    private static final int FILE_ADF_USIM = 0x7FFF;
    private static final int FILE_ICCID = 0x2FE2;
    private static final int FILE_IMSI = 0x6F07;
    private static final int SW1_OK = 0x90;
    private static final int SW1_NOT_FOUND = 0x6A;
    private static final int SW2_NOT_FOUND = 0x82;

    private final QmiContext context;
    private final Map<Integer, Long> events = new ConcurrentHashMap<>();

    UimService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.UIM;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        return switch (messageId) {
            case GET_CARD_STATUS -> cardStatus();
            case GET_SLOT_STATUS -> slotStatus();
            case SWITCH_SLOT -> switchSlot(request);
            case READ_TRANSPARENT -> readTransparent(request);
            case VERIFY_PIN -> verifyPin(request);
            case REGISTER_EVENTS -> registerEvents(clientId, request);
            default -> throw QmiService.unknownMessage(id(), messageId);
        };
    }

    private byte[] registerEvents(int clientId, Tlvs request) {
        long mask = request.require(0x01).u32();
        if (!context.firmware().hasSlotStatus()) {
            mask &= ~EVENT_PHYSICAL_SLOT_STATUS; // the answer's mask says which events were accepted
        }
        events.put(clientId, mask);
        return new TlvWriter().tlv(0x10).u32(mask).toBytes();
    }

    @Override
    public void clientReleased(int clientId) {
        events.remove(clientId);
    }

    @Override
    public void reboot() {
        events.clear();
    }

    @Override
    public void stateChanged(StateAspect aspect) {
        if (aspect != StateAspect.SIMS) {
            return;
        }
        byte[] card = cardStatus();
        byte[] slots = slotStatus();
        events.forEach((clientId, mask) -> {
            if ((mask & EVENT_CARD_STATUS) != 0) {
                context.indications().send(id(), clientId, CARD_STATUS_INDICATION, card);
            }
            if ((mask & EVENT_PHYSICAL_SLOT_STATUS) != 0) {
                context.indications().send(id(), clientId, SLOT_STATUS_INDICATION, slots);
            }
        });
    }

    /** One logical slot: the card of the active physical slot, with one ready USIM application. */
    private byte[] cardStatus() {
        Optional<SimSlot> card = context.state().activeCard();
        TlvWriter out = new TlvWriter().tlv(0x10).u16(card.isPresent() ? 0x0000 : NO_APPLICATION)
                .u16(NO_APPLICATION).u16(NO_APPLICATION).u16(NO_APPLICATION).u8(1);
        if (card.isEmpty()) {
            return out.u8(CARD_ABSENT).u8(0).u8(0).u8(0).u8(CARD_ERROR_POSSIBLY_REMOVED).u8(0).toBytes();
        }
        SimPinLock lock = context.state().simPin();
        int appState = lock == null || lock.verified() ? APP_READY
                : lock.pukBlocked() ? APP_PUK_REQUIRED : APP_PIN_REQUIRED;
        int pin1State = lock == null ? PIN_DISABLED : lock.verified() ? PIN_ENABLED_VERIFIED
                : lock.pukBlocked() ? PIN_BLOCKED : PIN_ENABLED_NOT_VERIFIED;
        int pinRetries = lock == null ? PIN_RETRIES : lock.pinRetries();
        int pukRetries = lock == null ? PUK_RETRIES : lock.pukRetries();
        out.u8(CARD_PRESENT).u8(0).u8(0).u8(0).u8(0).u8(1)
                .u8(APP_USIM).u8(appState).u8(PERSONALIZATION_READY).u8(0).u8(0).u8(0)
                .u8(USIM_AID.length).bytes(USIM_AID)
                .u8(0).u8(pin1State).u8(pinRetries).u8(pukRetries)
                .u8(PIN_ENABLED_NOT_VERIFIED).u8(PIN_RETRIES).u8(PUK_RETRIES);
        return out.toBytes();
    }

    /** PIN1 only; the session is not checked (any session names the one card). */
    private byte[] verifyPin(Tlvs request) {
        request.require(0x01);
        TlvReader info = request.require(0x02);
        int pinId = info.u8();
        String pin = info.u8String();
        if (pinId != PIN1) {
            throw new QmiRequestException(QmiError.NOT_SUPPORTED, "only PIN1 is emulated");
        }
        return QmiPinVerification.verify(context.state(), pin);
    }

    private byte[] slotStatus() {
        List<SimSlot> slots = context.state().simSlots();
        TlvWriter out = new TlvWriter().tlv(0x10).u8(slots.size());
        for (SimSlot slot : slots) {
            byte[] iccid = slot.cardPresent() && slot.iccid() != null ? SimFiles.swappedBcd(slot.iccid()) : new byte[0];
            out.u32(slot.cardPresent() ? PHYSICAL_PRESENT : PHYSICAL_ABSENT).u32(slot.active() ? SLOT_ACTIVE : SLOT_INACTIVE)
                    .u8(slot.active() ? 1 : 0).u8(iccid.length).bytes(iccid);
        }
        out.tlv(0x11).u8(slots.size());
        for (SimSlot slot : slots) {
            boolean euicc = slot.type() == EmulatedSimType.ESIM;
            byte[] atr = slot.cardPresent() ? ATR : new byte[0];
            out.u32(slot.cardPresent() ? PROTOCOL_UICC : PROTOCOL_UNKNOWN).u8(slot.cardPresent() ? 1 : 0)
                    .u8(atr.length).bytes(atr).u8(euicc ? 1 : 0);
        }
        out.tlv(0x12).u8(slots.size());
        for (SimSlot slot : slots) {
            byte[] eid = slot.eid() == null ? new byte[0] : plainBcd(slot.eid());
            out.u8(eid.length).bytes(eid);
        }
        return out.toBytes();
    }

    /** EIDs are packed high nibble first, unlike ICCIDs. */
    private static byte[] plainBcd(String digits) {
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(digits.charAt(2 * i), 10) << 4 | Character.digit(digits.charAt(2 * i + 1), 10));
        }
        return out;
    }

    private byte[] switchSlot(Tlvs request) {
        request.require(0x01).u8();
        int physical = (int) request.require(0x02).u32();
        Optional<SimSlot> active = context.state().activeSlot();
        if (active.isPresent() && active.get().number() == physical) {
            throw new QmiRequestException(QmiError.NO_EFFECT, "slot " + physical + " already active");
        }
        if (!context.state().switchSlot(physical)) {
            throw new QmiRequestException(QmiError.INVALID_ARGUMENT, "no physical slot " + physical);
        }
        return new byte[0];
    }

    private byte[] readTransparent(Tlvs request) {
        request.require(0x01);
        TlvReader file = request.require(0x02);
        int fileId = file.u16();
        byte[] pathBytes = file.bytes(file.u8());
        TlvReader read = request.require(0x03);
        int offset = read.u16();
        int length = read.u16();
        SimSlot card = context.state().activeCard()
                .orElseThrow(() -> new QmiRequestException(QmiError.UIM_UNINITIALIZED, "no SIM"));
        byte[] content = fileContent(card, path(pathBytes), fileId);
        if (content == null) {
            byte[] status = new TlvWriter().tlv(0x10).u8(SW1_NOT_FOUND).u8(SW2_NOT_FOUND).toBytes();
            throw new QmiRequestException(QmiError.SIM_FILE_NOT_FOUND,
                    String.format("no file 0x%04X", fileId), status);
        }
        int from = Math.min(offset, content.length);
        int to = length == 0 ? content.length : Math.min(content.length, from + length);
        byte[] slice = java.util.Arrays.copyOfRange(content, from, to);
        return new TlvWriter().tlv(0x10).u8(SW1_OK).u8(0).tlv(0x11).u16(slice.length).bytes(slice).toBytes();
    }

    /** The path arrives as little-endian 16-bit file ids. */
    private static int[] path(byte[] bytes) {
        int[] ids = new int[bytes.length / 2];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (bytes[2 * i] & 0xff) | (bytes[2 * i + 1] & 0xff) << 8;
        }
        return ids;
    }

    private static byte[] fileContent(SimSlot card, int[] path, int fileId) {
        if (fileId == FILE_ICCID && path.length == 1 && path[0] == FILE_MF) {
            return SimFiles.swappedBcd(card.iccid());
        }
        if (fileId == FILE_IMSI && path.length == 2 && path[0] == FILE_MF && path[1] == FILE_ADF_USIM) {
            return SimFiles.imsiFile(card.imsi());
        }
        return null;
    }
}
