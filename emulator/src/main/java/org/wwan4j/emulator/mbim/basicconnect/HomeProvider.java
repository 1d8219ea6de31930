package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_HOME_PROVIDER: the home network of the SIM. Every card of the emulated modem belongs to the one home
 * operator of {@link ModemDefaults}; without a card there is no home provider.
 */
public final class HomeProvider implements MbimCidHandler {
    private final ModemState state;

    public HomeProvider(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.HOME_PROVIDER;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        if (state.activeCard().isEmpty()) {
            return MbimReply.failure(MbimStatus.SIM_NOT_INSERTED);
        }
        return MbimReply.ok(ProviderStruct.write(ModemDefaults.HOME_MCC, ModemDefaults.HOME_MNC,
                ProviderStruct.STATE_HOME, ModemDefaults.HOME_OPERATOR, 0).toByteArray());
    }
}
