package org.wwan4j.emulator.mbim.basicconnect;

import java.util.List;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedProviderStatus;

/**
 * MBIM_CID_VISIBLE_PROVIDERS: the scan result as a count and a list of references to MBIM_PROVIDER structures.
 * MBIM has no roaming bit per provider: a roaming network is simply one without the HOME bit. A long list is
 * what makes this answer exceed the host's maximum transfer, so it exercises fragmentation.
 */
public final class VisibleProviders implements MbimCidHandler {
    private final ModemState state;

    public VisibleProviders(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.VISIBLE_PROVIDERS;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        // The scan action (full or restricted) makes no difference to an emulated network.
        if (state.power() != PowerState.ONLINE) {
            return MbimReply.failure(MbimStatus.RADIO_POWER_OFF);
        }
        List<EmulatedProvider> providers = state.providers();
        int currentRssi = state.hasRadioSignal() ? SignalCoding.rssi(state.signal().rssi()) : SignalCoding.UNKNOWN;
        InformationBufferWriter out = new InformationBufferWriter().u32(providers.size());
        for (EmulatedProvider provider : providers) {
            boolean current = provider.status() == EmulatedProviderStatus.CURRENT;
            out.structRef(ProviderStruct.write(provider.mcc(), provider.mnc(), stateBits(provider), provider.name(),
                    current ? currentRssi : SignalCoding.UNKNOWN));
        }
        return MbimReply.ok(out.toByteArray());
    }

    static int stateBits(EmulatedProvider provider) {
        int bits = ProviderStruct.STATE_VISIBLE;
        if (!provider.roaming() && ModemDefaults.HOME_MCC.equals(provider.mcc())
                && ModemDefaults.HOME_MNC.equals(provider.mnc())) {
            bits |= ProviderStruct.STATE_HOME;
        }
        switch (provider.status()) {
            case CURRENT -> bits |= ProviderStruct.STATE_REGISTERED;
            case FORBIDDEN -> bits |= ProviderStruct.STATE_FORBIDDEN;
            case AVAILABLE -> {
            }
        }
        return bits;
    }
}
