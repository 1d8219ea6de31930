package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.channel.MbimSession;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRegistration;

/**
 * MBIM_CID_REGISTER_STATE query, set and notification. The emulated modem always registers automatically, so a
 * set asking for automatic registration just reports the state; manual registration is not emulated
 * (NO_DEVICE_SUPPORT, and Device Caps does not claim it). A set's data class, when not 0, becomes the preferred
 * technologies (what ModemManager's "current modes" sets on MBIM), reported back as MBIMEx 2.0's
 * PreferredDataClasses.
 */
public final class RegisterState implements MbimNotificationSource {
    static final int STATE_DEREGISTERED = 1;
    static final int STATE_SEARCHING = 2;
    static final int STATE_HOME = 3;
    static final int STATE_ROAMING = 4;
    static final int STATE_DENIED = 6;
    static final int MODE_AUTOMATIC = 1;
    static final int ACTION_AUTOMATIC = 0;
    static final int ACTION_MANUAL = 1;
    static final int CELLULAR_CLASS_GSM = 1;
    static final int FLAG_PACKET_SERVICE_AUTOMATIC_ATTACH = 1 << 1;
    /** The 3GPP reject cause a denied registration carries: PLMN not allowed. */
    static final int NW_ERROR_PLMN_NOT_ALLOWED = 11;

    private final ModemState state;
    private final MbimSession session;

    public RegisterState(ModemState state, MbimSession session) {
        this.state = state;
        this.session = session;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.REGISTER_STATE;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        request.string(0); // the provider id only matters to manual registration, but must be well formed
        int action = request.u32(8);
        if (action != ACTION_AUTOMATIC) {
            return MbimReply.failure(action == ACTION_MANUAL ? MbimStatus.NO_DEVICE_SUPPORT
                    : MbimStatus.INVALID_PARAMETERS);
        }
        if (state.power() != PowerState.ONLINE) {
            return MbimReply.failure(MbimStatus.RADIO_POWER_OFF);
        }
        int dataClass = request.u32(12);
        if (dataClass != 0) {
            if (DataClass.rats(dataClass).isEmpty()) {
                return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
            }
            state.setRatPreference(DataClass.rats(dataClass));
        }
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        EmulatedRegistration registration = state.registration();
        int code = switch (registration.state()) {
            case HOME -> STATE_HOME;
            case ROAMING -> STATE_ROAMING;
            case SEARCHING -> STATE_SEARCHING;
            case DENIED -> STATE_DENIED;
            case IDLE -> STATE_DEREGISTERED;
        };
        boolean named = registration.mcc() != null && registration.mnc() != null;
        InformationBufferWriter out = new InformationBufferWriter()
                .u32(code == STATE_DENIED ? NW_ERROR_PLMN_NOT_ALLOWED : 0)
                .u32(code)
                .u32(MODE_AUTOMATIC)
                .u32(DataClass.of(registration.rats()))
                .u32(CELLULAR_CLASS_GSM)
                .string(named ? registration.mcc() + registration.mnc() : "")
                .string(registration.operatorName())
                .string(code == STATE_ROAMING ? registration.operatorName() : "")
                .u32(FLAG_PACKET_SERVICE_AUTOMATIC_ATTACH);
        if (session.mbimEx2()) {
            out.u32(DataClass.of(state.ratPreference())); // MBIMEx 2.0: PreferredDataClasses
        }
        return out.toByteArray();
    }
}
