package org.wwan4j.agent.mbim;

import java.util.List;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.ProviderStatus;
import org.wwan4j.glib.FlagSet;
import org.wwan4j.mbim.ProviderState;

/**
 * Visible providers from a scan. MBIM has no roaming bit per provider; it marks the SIM's home network with HOME,
 * so every other network is roaming from the card's point of view. When no provider carries HOME at all the
 * modem does not tell, and roaming stays null (unknown) rather than a guess.
 */
final class MbimProviders {

    private MbimProviders() {
    }

    static List<Provider> of(List<org.wwan4j.mbim.Provider> visible) {
        boolean homeKnown = visible.stream().anyMatch(p -> flags(p).contains(ProviderState.HOME));
        return visible.stream().map(p -> of(p, homeKnown)).toList();
    }

    private static Provider of(org.wwan4j.mbim.Provider provider, boolean homeKnown) {
        FlagSet<ProviderState> flags = flags(provider);
        ProviderStatus status = flags.contains(ProviderState.REGISTERED) ? ProviderStatus.CURRENT
                : flags.contains(ProviderState.FORBIDDEN) ? ProviderStatus.FORBIDDEN
                : flags.contains(ProviderState.VISIBLE) || flags.contains(ProviderState.PREFERRED)
                        ? ProviderStatus.AVAILABLE : ProviderStatus.UNKNOWN;
        String name = provider.providerName() == null || provider.providerName().isEmpty() ? null
                : provider.providerName();
        return new Provider(MbimRegistrations.mcc(provider.providerId()), MbimRegistrations.mnc(provider.providerId()),
                name, status, homeKnown ? !flags.contains(ProviderState.HOME) : null);
    }

    private static FlagSet<ProviderState> flags(org.wwan4j.mbim.Provider provider) {
        return FlagSet.of(ProviderState.class, provider.providerState());
    }
}
