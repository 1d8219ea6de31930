package org.wwan4j.emulator.mbim.basicconnect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.Plmn;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_PREFERRED_PROVIDERS: the SIM's preferred networks list (the same list QMI's preferred networks edit),
 * as a count and references to MBIM_PROVIDER structures. MBIM carries no RAT per entry, so a set stores each
 * network for any RAT. A provider id that is not 5 or 6 digits is an invalid parameter.
 */
public final class PreferredProviders implements MbimNotificationSource {
    /** Offset of the provider id's (offset, size) pair inside one MBIM_PROVIDER. */
    private static final int PROVIDER_ID = 0;
    private static final int PROVIDER_SIZE = 32;

    private final ModemState state;

    public PreferredProviders(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.PREFERRED_PROVIDERS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        int count = request.u32(0);
        if (count < 0 || count > request.size() / 8) {
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        }
        List<Plmn> networks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = request.u32(4 + 8 * i);
            request.requireAtLeast((long) start + PROVIDER_SIZE, "provider " + i);
            String id = request.string(start, PROVIDER_ID);
            if (!(id.length() == 5 || id.length() == 6) || !id.chars().allMatch(Character::isDigit)) {
                return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
            }
            networks.add(new Plmn(id.substring(0, 3), id.substring(3), Set.of()));
        }
        state.setPreferredNetworks(networks);
        return MbimReply.ok(currentState());
    }

    @Override
    public byte[] currentState() {
        List<Plmn> networks = state.preferredNetworks();
        InformationBufferWriter out = new InformationBufferWriter().u32(networks.size());
        for (Plmn plmn : networks) {
            out.structRef(ProviderStruct.write(plmn.mcc(), plmn.mnc(), 0, "", ProviderStruct.RSSI_UNKNOWN));
        }
        return out.toByteArray();
    }
}
