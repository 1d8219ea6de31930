package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.EmulatedAttachContext;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedIpType;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_MS_LTE_ATTACH_CONFIGURATION: the initial EPS bearer contexts, one each for home, partner and
 * non-partner networks, as a count and references to MBIM_MS_LTE_ATTACH_CONTEXT structures. A set with the
 * default operation replaces the contexts it names (by their roaming control) and keeps the others; "restore
 * factory" empties them all. The answer and the notification list all three.
 */
public final class LteAttachConfiguration implements MbimNotificationSource {
    static final int OPERATION_DEFAULT = 0;
    static final int OPERATION_RESTORE_FACTORY = 1;
    /** Offsets inside one MBIM_MS_LTE_ATTACH_CONTEXT. */
    private static final int IP_TYPE = 0;
    private static final int ROAMING = 4;
    private static final int ACCESS_STRING = 12;
    private static final int USER_NAME = 20;
    private static final int PASSWORD = 28;
    private static final int AUTH_PROTOCOL = 40;
    private static final int CONTEXT_SIZE = 44;

    private final ModemState state;

    public LteAttachConfiguration(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.LTE_ATTACH_CONFIGURATION;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        int operation = request.u32(0);
        if (operation == OPERATION_RESTORE_FACTORY) {
            state.setAttachContexts(ModemDefaults.attachContexts());
            return MbimReply.ok(currentState());
        }
        if (operation != OPERATION_DEFAULT) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        int count = request.u32(4);
        if (count < 1 || count > EmulatedAttachContext.Roaming.values().length) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        Map<EmulatedAttachContext.Roaming, EmulatedAttachContext> contexts =
                new EnumMap<>(EmulatedAttachContext.Roaming.class);
        state.attachContexts().forEach(c -> contexts.put(c.roaming(), c));
        for (int i = 0; i < count; i++) {
            int start = request.u32(8 + 8 * i);
            request.requireAtLeast((long) start + CONTEXT_SIZE, "LTE attach context " + i);
            EmulatedAttachContext.Roaming roaming = AttachContextCoding.roaming(request.u32(start + ROAMING));
            EmulatedIpType ipType = AttachContextCoding.ipType(request.u32(start + IP_TYPE));
            EmulatedAuth auth = AttachContextCoding.auth(request.u32(start + AUTH_PROTOCOL));
            if (roaming == null || ipType == null || auth == null) {
                return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
            }
            contexts.put(roaming, new EmulatedAttachContext(roaming, request.string(start, ACCESS_STRING), ipType,
                    auth, emptyToNull(request.string(start, USER_NAME)),
                    emptyToNull(request.string(start, PASSWORD))));
        }
        state.setAttachContexts(new ArrayList<>(contexts.values()));
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        List<EmulatedAttachContext> contexts = state.attachContexts();
        InformationBufferWriter out = new InformationBufferWriter().u32(contexts.size());
        for (EmulatedAttachContext context : contexts) {
            out.structRef(new InformationBufferWriter()
                    .u32(AttachContextCoding.ipType(context.ipType()))
                    .u32(context.roaming().ordinal())
                    .u32(context.apn().isEmpty() ? AttachContextCoding.SOURCE_MODEM : AttachContextCoding.SOURCE_USER)
                    .string(context.apn())
                    .string(context.username())
                    .string(context.password())
                    .u32(AttachContextCoding.COMPRESSION_NONE)
                    .u32(AttachContextCoding.auth(context.auth())));
        }
        return out.toByteArray();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
