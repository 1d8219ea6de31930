package org.wwan4j.agent.mbim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.mbim.Compression;
import org.wwan4j.mbim.ContextSource;
import org.wwan4j.mbim.LteAttachConfiguration;
import org.wwan4j.mbim.LteAttachContextOperation;
import org.wwan4j.mbim.LteAttachContextRoamingControl;
import org.wwan4j.mbim.LteAttachState;
import org.wwan4j.mbim.MsBasicConnectExtensions;

/**
 * The LTE attach APN (initial EPS bearer) over Microsoft's Basic Connect Extensions. Setting reads the modem's
 * contexts first and replaces only the home one, keeping partner and non-partner as they were (the agent's config
 * has one attach access point, which is the home network's; ModemManager does the same by default). Reading asks
 * LTE attach info for the APN the modem actually attached with. A modem without these CIDs answers
 * NO_DEVICE_SUPPORT: setting then fails UNSUPPORTED, and reading gives null from then on without asking again.
 */
final class MbimAttachConfiguration {

    private final MsBasicConnectExtensions extensions;
    private final MbimRequester requester;
    /** Set once the modem answered that it has no LTE attach info: the APN is then simply not known. */
    private volatile boolean infoUnsupported;

    MbimAttachConfiguration(MsBasicConnectExtensions extensions, MbimRequester requester) {
        this.extensions = extensions;
        this.requester = requester;
    }

    CompletableFuture<Void> set(BearerProfile profile) {
        CompletableFuture<Void> chain = requester.call(extensions::queryLteAttachConfiguration,
                        Modem.REQUEST_TIMEOUT, "LTE attach configuration")
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(MbimErrors.isUnsupported(error)
                        ? new ModemException(Kind.UNSUPPORTED, "the modem has no MS Basic Connect Extensions LTE"
                                + " attach configuration")
                        : error))
                .thenCompose(current -> requester.call(timeout -> extensions.setLteAttachConfiguration(
                                LteAttachContextOperation.DEFAULT, withHome(current.configurations(), profile),
                                timeout), Modem.REQUEST_TIMEOUT, "set LTE attach configuration"))
                .thenApply(ignored -> null);
        return MbimCalls.boundedChain(chain, Modem.REQUEST_TIMEOUT.multipliedBy(2), "set the attach APN");
    }

    /** The APN the modem attached to LTE with, or null (detached, not told, or not supported). Never fails. */
    CompletableFuture<String> attachedApn() {
        if (infoUnsupported) {
            return CompletableFuture.completedFuture(null);
        }
        return requester.call(extensions::queryLteAttachInfo, Modem.REQUEST_TIMEOUT, "LTE attach info")
                .handle((info, error) -> {
                    if (error != null) {
                        infoUnsupported |= MbimErrors.isUnsupported(error);
                        return null;
                    }
                    boolean attached = info.lteAttachState().is(LteAttachState.ATTACHED);
                    return attached && info.accessString() != null && !info.accessString().isBlank()
                            ? info.accessString() : null;
                });
    }

    /** The modem's contexts with the home one replaced by {@code profile}; home first, as the modem lists them. */
    static List<LteAttachConfiguration> withHome(List<LteAttachConfiguration> current, BearerProfile profile) {
        List<LteAttachConfiguration> contexts = new ArrayList<>();
        contexts.add(home(profile));
        for (LteAttachConfiguration context : current) {
            if (context.roaming() != LteAttachContextRoamingControl.HOME.value()) {
                contexts.add(context);
            }
        }
        return contexts;
    }

    private static LteAttachConfiguration home(BearerProfile profile) {
        boolean credentials = profile.auth() != Auth.NONE;
        return new LteAttachConfiguration(MbimBearers.ipType(profile).value(),
                LteAttachContextRoamingControl.HOME.value(), ContextSource.USER.value(), profile.apn(),
                credentials ? profile.username() : null, credentials ? profile.password() : null,
                Compression.NONE.value(), MbimBearers.authProtocol(profile.auth()).value());
    }
}
