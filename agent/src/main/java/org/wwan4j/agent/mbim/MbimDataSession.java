package org.wwan4j.agent.mbim;

import static org.wwan4j.agent.modem.Modem.CONNECT_TIMEOUT;
import static org.wwan4j.agent.modem.Modem.REQUEST_TIMEOUT;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.mbim.ActivationState;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.ContextIpType;
import org.wwan4j.mbim.MbimStatusException;
import org.wwan4j.mbim.PacketServiceAction;
import org.wwan4j.mbim.PacketServiceState;
import org.wwan4j.mbim.StatusError;
import org.wwan4j.mbim.SubscriberReadyState;
import org.wwan4j.mbim.VoiceCallState;

/**
 * The default bearer over Basic Connect: attach, activate, IP configuration, deactivate. Session 0 is the one the
 * agent uses. The caller bounds the whole connect; each request here has its own bound too.
 */
final class MbimDataSession {

    private final BasicConnect basic;
    private final MbimRequester requester;

    MbimDataSession(BasicConnect basic, MbimRequester requester) {
        this.basic = basic;
        this.requester = requester;
    }

    /** Attaches if needed, replaces an active session, activates and reads the IP settings. */
    CompletableFuture<BearerSettings> connect(BearerProfile profile) {
        return attach()
                .thenCompose(ignored -> deactivateIfActive())
                .thenCompose(ignored -> requester.call(
                        timeout -> basic.setConnect(MbimBearers.activate(profile), timeout), CONNECT_TIMEOUT,
                        "connect " + profile.apn()))
                .thenCompose(up -> up.activationState().is(ActivationState.ACTIVATED)
                        ? ipConfiguration()
                        : CompletableFuture.<BearerSettings>failedFuture(new ModemException(Kind.REJECTED,
                                "connect " + profile.apn() + ": session is " + up.activationState()
                                        + " (network error " + up.nwError() + ")")))
                .exceptionallyCompose(this::blameTheSim);
    }

    /**
     * Without a usable SIM a modem refuses a connect with whatever comes first (not registered, detached...),
     * which would read as a network refusal. The supervisor must instead wait for the card, so such a failure is
     * reported as SIM when subscriber ready status says the card is not ready.
     */
    private CompletableFuture<BearerSettings> blameTheSim(Throwable failure) {
        ModemException original = MbimErrors.toModemException(failure, "connect");
        if (original.kind() != Kind.REJECTED) {
            return CompletableFuture.failedFuture(original);
        }
        return requester.call(timeout -> basic.querySubscriberReadyStatus(timeout),
                REQUEST_TIMEOUT, "subscriber ready status")
                .handle((status, error) -> {
                    if (error != null || status.readyState().is(SubscriberReadyState.INITIALIZED)) {
                        throw original;
                    }
                    throw new ModemException(Kind.SIM, original.getMessage() + "; SIM not ready: "
                            + status.readyState(), original);
                });
    }

    /** A modem that was detached (by us, or by a network that dropped it) must attach before a connect works. */
    private CompletableFuture<Void> attach() {
        return requester.call(timeout -> basic.queryPacketService(timeout), REQUEST_TIMEOUT, "packet service")
                .thenCompose(service -> service.packetServiceState().is(PacketServiceState.ATTACHED)
                        ? CompletableFuture.<Void>completedFuture(null)
                        : requester.call(timeout -> basic.setPacketService(PacketServiceAction.ATTACH, timeout),
                                CONNECT_TIMEOUT, "packet service attach").thenApply(r -> null));
    }

    /** The contract: connecting an already connected modem first drops the old session. */
    private CompletableFuture<Void> deactivateIfActive() {
        return sessionState().thenCompose(state -> state.is(ActivationState.ACTIVATED) ? disconnect()
                : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<EnumValue<ActivationState>> sessionState() {
        BasicConnect.ConnectQueryRequest query = BasicConnect.ConnectQueryRequest.builder()
                .sessionId(MbimBearers.SESSION_ID)
                .activationState(ActivationState.UNKNOWN)
                .voiceCallState(VoiceCallState.NONE)
                .ipType(ContextIpType.DEFAULT)
                .contextType(new UUID(0, 0))
                .build();
        return requester.call(timeout -> basic.queryConnect(query, timeout), REQUEST_TIMEOUT, "connect state")
                .thenApply(BasicConnect.ConnectResponse::activationState);
    }

    private CompletableFuture<BearerSettings> ipConfiguration() {
        BasicConnect.IpConfigurationQueryRequest query = BasicConnect.IpConfigurationQueryRequest.builder()
                .sessionId(MbimBearers.SESSION_ID).build();
        return requester.call(timeout -> basic.queryIpConfiguration(query, timeout),
                REQUEST_TIMEOUT, "IP configuration")
                .thenApply(MbimBearers::settings);
    }

    /** Deactivates session 0; an already inactive session is success. */
    CompletableFuture<Void> disconnect() {
        return requester.call(timeout -> basic.setConnect(MbimBearers.deactivate(), timeout),
                CONNECT_TIMEOUT, "disconnect")
                .handle((down, error) -> {
                    if (error != null && !notActivated(error)) {
                        throw MbimErrors.toModemException(error, "disconnect");
                    }
                    return null;
                });
    }

    /** Some modems answer a deactivate of an inactive session with this status: already where we want it. */
    private static boolean notActivated(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MbimStatusException status) {
                return status.error().is(StatusError.CONTEXT_NOT_ACTIVATED);
            }
        }
        return false;
    }

    /** The IP settings of session 0, or empty when it is not active. */
    CompletableFuture<Optional<BearerSettings>> settings() {
        return sessionState().thenCompose(state -> state.is(ActivationState.ACTIVATED)
                ? ipConfiguration().thenApply(Optional::of)
                : CompletableFuture.completedFuture(Optional.<BearerSettings>empty()));
    }
}
