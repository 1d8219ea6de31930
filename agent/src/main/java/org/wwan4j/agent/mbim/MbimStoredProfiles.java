package org.wwan4j.agent.mbim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.status.StoredProfile;
import org.wwan4j.agent.status.StoredProfile.Purpose;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.ContextIpType;
import org.wwan4j.mbim.ContextRoamingControl;
import org.wwan4j.mbim.MsBasicConnectExtensions;
import org.wwan4j.mbim.ProvisionedContextElement;
import org.wwan4j.mbim.ProvisionedContextElementV2;

/**
 * The modem's provisioned contexts as stored profiles. Microsoft's Basic Connect Extensions version (provisioned
 * contexts v2) is asked first, as it also tells the IP type and the roaming control; a modem without it answers
 * NO_DEVICE_SUPPORT, and Basic Connect's provisioned contexts (APN and context type only) are read instead, from
 * then on without asking again. Passwords are left out.
 */
final class MbimStoredProfiles {

    /** MBIM context type UUIDs (MBIM 1.0 table 10-15) of the purposes a stored profile reports. */
    static final UUID CONTEXT_INTERNET = MbimBearers.CONTEXT_INTERNET;
    static final UUID CONTEXT_IMS = UUID.fromString("21610d01-3074-4bce-9425-b53a07d697d6");
    static final UUID CONTEXT_MMS = UUID.fromString("46726664-7269-6bc6-9624-d1d35389aca9");
    /** MBIM_CONTEXT_TYPE_NONE: a context slot not provisioned. */
    static final UUID CONTEXT_NONE = UUID.fromString("b43f758c-a560-4b46-b35e-c5869641fb54");

    private final BasicConnect basic;
    private final MsBasicConnectExtensions extensions;
    private final MbimRequester requester;
    private volatile boolean v2Unsupported;

    MbimStoredProfiles(BasicConnect basic, MsBasicConnectExtensions extensions, MbimRequester requester) {
        this.basic = basic;
        this.extensions = extensions;
        this.requester = requester;
    }

    CompletableFuture<List<StoredProfile>> read() {
        if (v2Unsupported) {
            return readV1();
        }
        return requester.call(extensions::queryProvisionedContexts, Modem.REQUEST_TIMEOUT,
                        "MS provisioned contexts")
                .thenApply(response -> response.provisionedContexts().stream().map(MbimStoredProfiles::profile)
                        .toList())
                .exceptionallyCompose(error -> {
                    if (!MbimErrors.isUnsupported(error)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    v2Unsupported = true;
                    return readV1();
                });
    }

    private CompletableFuture<List<StoredProfile>> readV1() {
        return requester.call(basic::queryProvisionedContexts, Modem.REQUEST_TIMEOUT, "provisioned contexts")
                .thenApply(response -> response.provisionedContexts().stream().map(MbimStoredProfiles::profile)
                        .toList());
    }

    static StoredProfile profile(ProvisionedContextElementV2 c) {
        return new StoredProfile((int) c.contextId(), null, c.accessString(), ipType(c.ipType()),
                purposes(c.contextType()), c.roaming() != ContextRoamingControl.HOME_ONLY.value());
    }

    static StoredProfile profile(ProvisionedContextElement c) {
        return new StoredProfile((int) c.contextId(), null, c.accessString(), null, purposes(c.contextType()), null);
    }

    /** MBIM's "default" is the modem's choice: not told. */
    static IpType ipType(long code) {
        ContextIpType type = ContextIpType.fromValue(code).constant();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case IPV4 -> IpType.IPV4;
            case IPV6 -> IpType.IPV6;
            case IPV4V6, IPV4_AND_IPV6 -> IpType.IPV4V6;
            case DEFAULT -> null;
        };
    }

    static Set<Purpose> purposes(UUID contextType) {
        if (contextType == null || contextType.equals(CONTEXT_NONE) || contextType.equals(new UUID(0, 0))) {
            return Set.of();
        }
        if (contextType.equals(CONTEXT_INTERNET)) {
            return EnumSet.of(Purpose.DEFAULT);
        }
        if (contextType.equals(CONTEXT_IMS)) {
            return EnumSet.of(Purpose.IMS);
        }
        if (contextType.equals(CONTEXT_MMS)) {
            return EnumSet.of(Purpose.MMS);
        }
        return EnumSet.of(Purpose.OTHER);
    }
}
