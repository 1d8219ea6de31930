package org.wwan4j.emulator.mbim.basicconnect;

import java.util.Optional;
import java.util.UUID;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.ConnectFailure;
import org.wwan4j.emulator.model.ConnectRequest;
import org.wwan4j.emulator.model.EmulatedIpType;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_CONNECT: activates and deactivates the one data session of the neutral model (session id 0), checking
 * APN and credentials through the model. The session outlives CLOSE of the control channel, as on real modems.
 */
public final class Connect implements MbimNotificationSource {
    public static final int SESSION_ID = 0;
    static final int COMMAND_DEACTIVATE = 0;
    static final int COMMAND_ACTIVATE = 1;
    static final int STATE_ACTIVATED = 1;
    static final int STATE_DEACTIVATED = 3;
    static final int VOICE_CALL_NONE = 0;
    static final int AUTH_NONE = 0;
    static final int AUTH_PAP = 1;
    static final int AUTH_CHAP = 2;
    static final int AUTH_MSCHAPV2 = 3;
    static final int IP_TYPE_DEFAULT = 0;
    static final int IP_TYPE_IPV4 = 1;
    static final int IP_TYPE_IPV6 = 2;
    static final int IP_TYPE_IPV4V6 = 3;
    static final int IP_TYPE_IPV4_AND_IPV6 = 4;
    /** SessionId, ActivationCommand, three (offset, size) pairs, Compression, AuthProtocol, EmulatedIpType,
            ContextType. */
    static final int SET_FIXED_LENGTH = 60;

    private final ModemState state;
    private final PacketAttachment attachment;
    private final EmulatorStatistics statistics;

    public Connect(ModemState state, PacketAttachment attachment, EmulatorStatistics statistics) {
        this.state = state;
        this.attachment = attachment;
        this.statistics = statistics;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.CONNECT;
    }

    @Override
    public MbimReply query(MbimCommand command) throws MbimParseException {
        int sessionId = new InformationBufferReader(command.informationBuffer()).u32(0);
        if (sessionId != SESSION_ID) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        return MbimReply.ok(currentState());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        request.requireAtLeast(SET_FIXED_LENGTH, "Connect set");
        if (request.u32(0) != SESSION_ID) {
            return MbimReply.failure(MbimStatus.MAX_ACTIVATED_CONTEXTS);
        }
        int activation = request.u32(4);
        if (activation == COMMAND_DEACTIVATE) {
            // Deactivating an inactive session is not an error: the host gets the (deactivated) state it wants.
            state.disconnect();
            return MbimReply.ok(currentState());
        }
        if (activation != COMMAND_ACTIVATE) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        statistics.connectRequested(state.bearer().connected());
        EmulatedAuth auth = auth(request.u32(36));
        EmulatedIpType ipType = ipType(request.u32(40));
        if (auth == null || request.u32(40) > IP_TYPE_IPV4_AND_IPV6) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        if (attachment.detachedByHost()) {
            return MbimReply.failure(MbimStatus.PACKET_SERVICE_DETACHED);
        }
        // The password goes into the request record only, whose toString masks it; it is never logged here.
        ConnectRequest connect = new ConnectRequest(request.string(8), ipType, auth, emptyToNull(request.string(16)),
                emptyToNull(request.string(24)));
        Optional<ConnectFailure> refused = state.connect(connect);
        if (refused.isPresent()) {
            return MbimReply.failure(status(refused.get()));
        }
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        EmulatedBearer bearer = state.bearer();
        return new InformationBufferWriter()
                .u32(SESSION_ID)
                .u32(bearer.connected() ? STATE_ACTIVATED : STATE_DEACTIVATED)
                .u32(VOICE_CALL_NONE)
                .u32(bearer.connected() ? ipTypeCode(bearer.ipType()) : IP_TYPE_DEFAULT)
                .uuid(bearer.connected() ? MbimServiceIds.CONTEXT_TYPE_INTERNET : MbimServiceIds.CONTEXT_TYPE_NONE)
                .u32(0)
                .toByteArray();
    }

    static int status(ConnectFailure failure) {
        return switch (failure) {
            case RADIO_OFF -> MbimStatus.RADIO_POWER_OFF;
            case NO_SIM -> MbimStatus.SIM_NOT_INSERTED;
            case NOT_REGISTERED -> MbimStatus.NOT_REGISTERED;
            case ALREADY_CONNECTED -> MbimStatus.MAX_ACTIVATED_CONTEXTS;
            case UNKNOWN_APN -> MbimStatus.INVALID_ACCESS_STRING;
            case AUTH_FAILED -> MbimStatus.INVALID_USER_NAME_PWD;
            case DATA_STALLED -> MbimStatus.FAILURE;
        };
    }

    private static EmulatedAuth auth(int code) {
        return switch (code) {
            case AUTH_NONE -> EmulatedAuth.NONE;
            case AUTH_PAP -> EmulatedAuth.PAP;
            case AUTH_CHAP, AUTH_MSCHAPV2 -> EmulatedAuth.CHAP;
            default -> null;
        };
    }

    /** MBIM's "default" leaves the choice to the model. */
    private static EmulatedIpType ipType(int code) {
        return switch (code) {
            case IP_TYPE_IPV4 -> EmulatedIpType.IPV4;
            case IP_TYPE_IPV6 -> EmulatedIpType.IPV6;
            case IP_TYPE_IPV4V6, IP_TYPE_IPV4_AND_IPV6 -> EmulatedIpType.IPV4V6;
            default -> null;
        };
    }

    private static int ipTypeCode(EmulatedIpType type) {
        return switch (type) {
            case IPV4 -> IP_TYPE_IPV4;
            case IPV6 -> IP_TYPE_IPV6;
            case IPV4V6 -> IP_TYPE_IPV4V6;
        };
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
