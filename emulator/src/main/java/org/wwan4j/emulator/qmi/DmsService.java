package org.wwan4j.emulator.qmi;

import java.util.concurrent.TimeUnit;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.SimPinLock;
import org.wwan4j.emulator.model.SimSlot;

/**
 * QMI DMS (qmi-service-dms.json): identity, capabilities, operating mode (refused online while FCC-locked), the FCC
 * unlocks (generic and Foxconn), and the legacy UIM getters and PIN entry.
 */
final class DmsService implements QmiService {

    static final int GET_CAPABILITIES = 0x0020;
    static final int GET_MANUFACTURER = 0x0021;
    static final int GET_MODEL = 0x0022;
    static final int GET_REVISION = 0x0023;
    static final int GET_IDS = 0x0025;
    static final int GET_HARDWARE_REVISION = 0x002C;
    static final int GET_OPERATING_MODE = 0x002D;
    static final int SET_OPERATING_MODE = 0x002E;
    static final int UIM_GET_ICCID = 0x003C;
    static final int UIM_GET_IMSI = 0x0043;
    static final int UIM_VERIFY_PIN = 0x0028;
    static final int UIM_GET_PIN_STATUS = 0x002B;
    /** Vendor messages: the FCC unlocks libqmi knows, and the firmware versions Foxconn's v2 unlock hashes. */
    static final int FOXCONN_GET_FIRMWARE_VERSION = 0x555E;
    static final int SET_FCC_AUTHENTICATION = 0x555F;
    static final int FOXCONN_SET_FCC_AUTHENTICATION = 0x5571;

    /** QmiDmsOperatingMode values. */
    static final int MODE_ONLINE = 0;
    static final int MODE_LOW_POWER = 1;
    static final int MODE_FACTORY_TEST = 2;
    static final int MODE_OFFLINE = 3;
    static final int MODE_RESET = 4;
    static final int MODE_PERSISTENT_LOW_POWER = 6;
    static final int MODE_ONLY_LOW_POWER = 7;

    /** QmiDmsRadioInterface values. */
    private static final int RADIO_GSM = 4;
    private static final int RADIO_UMTS = 5;
    private static final int RADIO_LTE = 8;
    private static final int RADIO_5GNR = 10;
    private static final int DATA_CAPABILITY_SIMULTANEOUS_CS_PS = 3;
    private static final int SIM_SUPPORTED = 2;
    /** A reset answers first, then the modem restarts: the client still gets its answer and can release its id. */
    static final int RESET_DELAY_MILLIS = 300;
    /** Error when reset is asked for while not offline, as Qualcomm modems answer. */
    private static final int INVALID_TRANSITION = 60;

    /** Foxconn firmware version types: 0 is the MCFG version (two parts longer), 2 the apps version. */
    private static final int FOXCONN_APPS_VERSION = 2;
    private static final String FOXCONN_MCFG_SUFFIX = ".1.1";
    /** QmiDmsUimPinStatus values. */
    private static final int PIN_STATUS_ENABLED_NOT_VERIFIED = 1;
    private static final int PIN_STATUS_ENABLED_VERIFIED = 2;
    private static final int PIN_STATUS_DISABLED = 3;
    private static final int PIN_STATUS_BLOCKED = 4;
    private static final int DMS_PIN1 = 1;

    private final QmiContext context;

    DmsService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.DMS;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        EmulatedIdentity identity = context.state().identity();
        return switch (messageId) {
            case GET_CAPABILITIES -> capabilities(identity);
            case GET_MANUFACTURER -> new TlvWriter().tlv(0x01).rawString(identity.manufacturer()).toBytes();
            case GET_MODEL -> new TlvWriter().tlv(0x01).rawString(identity.model()).toBytes();
            case GET_REVISION -> new TlvWriter().tlv(0x01).rawString(identity.revision()).toBytes();
            case GET_HARDWARE_REVISION -> new TlvWriter().tlv(0x01).rawString(identity.hardwareRevision()).toBytes();
            case GET_IDS -> new TlvWriter().tlv(0x10).rawString("0").tlv(0x11).rawString(identity.imei())
                    .tlv(0x13).rawString("01").toBytes();
            case GET_OPERATING_MODE -> new TlvWriter().tlv(0x01).u8(operatingMode(context.state().power()))
                    .tlv(0x11).u8(0).toBytes();
            case SET_OPERATING_MODE -> setOperatingMode(request.require(0x01).u8());
            case UIM_GET_ICCID -> new TlvWriter().tlv(0x01).rawString(card().iccid()).toBytes();
            case UIM_GET_IMSI -> new TlvWriter().tlv(0x01).rawString(card().imsi()).toBytes();
            case UIM_VERIFY_PIN -> verifyPin(request.require(0x01));
            case UIM_GET_PIN_STATUS -> pinStatus();
            case SET_FCC_AUTHENTICATION, FOXCONN_SET_FCC_AUTHENTICATION -> fccUnlock();
            case FOXCONN_GET_FIRMWARE_VERSION -> new TlvWriter().tlv(0x01).rawString(
                    request.require(0x01).u8() == FOXCONN_APPS_VERSION ? identity.revision() : identity.revision()
                            + FOXCONN_MCFG_SUFFIX).toBytes();
            default -> throw QmiService.unknownMessage(id(), messageId);
        };
    }

    private static byte[] capabilities(EmulatedIdentity identity) {
        TlvWriter out = new TlvWriter().tlv(0x01).u32(identity.maxTxKbps() * 1000).u32(identity.maxRxKbps() * 1000)
                .u8(DATA_CAPABILITY_SIMULTANEOUS_CS_PS).u8(SIM_SUPPORTED).u8(identity.supportedRats().size());
        for (EmulatedRat rat : EmulatedRat.values()) {
            if (identity.supportedRats().contains(rat)) {
                out.u8(radioInterface(rat));
            }
        }
        return out.toBytes();
    }

    static int radioInterface(EmulatedRat rat) {
        return switch (rat) {
            case GSM -> RADIO_GSM;
            case UMTS -> RADIO_UMTS;
            case LTE -> RADIO_LTE;
            case NR5G -> RADIO_5GNR;
        };
    }

    private static int operatingMode(PowerState power) {
        return switch (power) {
            case ONLINE -> MODE_ONLINE;
            case LOW_POWER -> MODE_LOW_POWER;
            case OFFLINE -> MODE_OFFLINE;
        };
    }

    private byte[] setOperatingMode(int mode) {
        switch (mode) {
            case MODE_ONLINE -> {
                if (context.state().fccLocked()) {
                    // How Sierra modules sold FCC-locked refuse: ModemManager then runs the unlock and retries.
                    throw new QmiRequestException(INVALID_TRANSITION, "FCC-locked: online refused until unlocked");
                }
                context.state().setPower(PowerState.ONLINE);
            }
            case MODE_LOW_POWER, MODE_PERSISTENT_LOW_POWER, MODE_ONLY_LOW_POWER ->
                    context.state().setPower(PowerState.LOW_POWER);
            case MODE_OFFLINE -> context.state().setPower(PowerState.OFFLINE);
            case MODE_RESET -> {
                if (context.state().power() != PowerState.OFFLINE) {
                    throw new QmiRequestException(INVALID_TRANSITION, "reset is only allowed from offline");
                }
                context.scheduler().schedule(() -> context.faults().inject(Fault.REBOOT), RESET_DELAY_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
            case MODE_FACTORY_TEST -> throw new QmiRequestException(QmiError.NOT_SUPPORTED, "no factory test mode");
            default -> throw new QmiRequestException(QmiError.INVALID_ARGUMENT, "unknown operating mode " + mode);
        }
        return new byte[0];
    }

    /** Any of the FCC unlocks opens the lock until the next boot (the emulator does not check Foxconn's hash). */
    private byte[] fccUnlock() {
        context.state().fccUnlock();
        return new byte[0];
    }

    private byte[] verifyPin(TlvReader info) {
        int pinId = info.u8();
        String pin = info.u8String();
        if (pinId != DMS_PIN1) {
            throw new QmiRequestException(QmiError.NOT_SUPPORTED, "only PIN1 is emulated");
        }
        return QmiPinVerification.verify(context.state(), pin);
    }

    /** PIN1 and PIN2 status; PIN2 is never enabled on the emulated card. */
    private byte[] pinStatus() {
        card();
        SimPinLock lock = context.state().simPin();
        int status = lock == null ? PIN_STATUS_DISABLED : lock.pukBlocked() ? PIN_STATUS_BLOCKED
                : lock.verified() ? PIN_STATUS_ENABLED_VERIFIED : PIN_STATUS_ENABLED_NOT_VERIFIED;
        int pinRetries = lock == null ? SimPinLock.PIN_ATTEMPTS : lock.pinRetries();
        int pukRetries = lock == null ? SimPinLock.PUK_ATTEMPTS : lock.pukRetries();
        return new TlvWriter().tlv(0x11).u8(status).u8(pinRetries).u8(pukRetries)
                .tlv(0x12).u8(PIN_STATUS_DISABLED).u8(SimPinLock.PIN_ATTEMPTS).u8(SimPinLock.PUK_ATTEMPTS).toBytes();
    }

    /** The card in the active slot; without one the legacy DMS UIM getters answer UimUninitialized. */
    private SimSlot card() {
        return context.state().activeCard()
                .orElseThrow(() -> new QmiRequestException(QmiError.UIM_UNINITIALIZED, "no SIM"));
    }
}
