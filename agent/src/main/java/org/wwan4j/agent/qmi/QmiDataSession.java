package org.wwan4j.agent.qmi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.glib.DurableFile;
import org.wwan4j.qmi.ClientWds;
import org.wwan4j.qmi.WdsAuthentication;
import org.wwan4j.qmi.WdsConnectionStatus;
import org.wwan4j.qmi.WdsIpFamily;
import org.wwan4j.qmi.WdsPacketStatisticsMaskFlag;
import org.wwan4j.qmi.WdsPdpType;
import org.wwan4j.qmi.WdsProfileFamily;
import org.wwan4j.qmi.WdsProfileType;
import org.wwan4j.qmi.WdsRequestedSettings;

/**
 * One family's call of the default bearer over one QMI WDS client: Set IP Family (binding the client to IPv4 or
 * IPv6, as real modems want before a call of that family), Start Network with the APN and credentials, Stop Network
 * with the packet data handle it returned, Get Current Settings, Get Packet Statistics, and the attach profile
 * through Modify Profile. Dual stack is two of these ({@link QmiBearers}).
 *
 * <p>The handle is kept in the state dir beside the persistent CIDs (written through {@link DurableFile}: a call
 * whose handle was written stays stoppable by it after a kill -9 or a power cut), so a later process (the CLI's
 * {@code disconnect}, or the agent after a restart) can stop a call this one started: with a persistent WDS CID the
 * call survives the process. A process killed between the modem's answer to Start Network and writing the handle
 * leaves a call up with no handle on file; such a call is stopped with the global handle (0xFFFFFFFF), which ends
 * the call whichever client started it.
 */
final class QmiDataSession {

    private static final Logger LOG = LoggerFactory.getLogger(QmiDataSession.class);
    /** What Get Current Settings is asked for: what the IP configurator needs, nothing more. */
    private static final EnumSet<WdsRequestedSettings> SETTINGS = EnumSet.of(WdsRequestedSettings.IP_ADDRESS,
            WdsRequestedSettings.GATEWAY_INFO, WdsRequestedSettings.DNS_ADDRESS, WdsRequestedSettings.MTU,
            WdsRequestedSettings.IP_FAMILY, WdsRequestedSettings.APN_NAME);
    /** Stop Network with this handle ends the call whoever started it (qmicli's "disable-autoconnect" uses it). */
    static final long GLOBAL_PACKET_DATA_HANDLE = 0xFFFF_FFFFL;

    private final ClientWds wds;
    private final WdsIpFamily family;
    private final RequestSupport support;
    private final Path handleFile;
    private volatile Long handle;

    /**
     * @param family     the family this client's calls carry (IPv4 or IPv6)
     * @param handleFile where the packet data handle is kept, or null to keep it in memory only
     */
    QmiDataSession(ClientWds wds, WdsIpFamily family, RequestSupport support, Path handleFile) {
        this.wds = wds;
        this.family = family;
        this.support = support;
        this.handleFile = handleFile;
        this.handle = loadHandle(handleFile);
    }

    /** Whether a handle of an earlier call is on file (a previous process's call may still be up). */
    boolean hasHandle() {
        return handle != null;
    }

    /**
     * Binds the client to its family, then starts the call and reads its settings. The caller ended any earlier
     * call first (a Start Network while a call is up only answers NoEffect).
     */
    CompletableFuture<BearerSettings> connect(BearerProfile profile) {
        return bind().thenCompose(ignored -> wds.startNetwork(startInput(profile, family), Modem.CONNECT_TIMEOUT))
                .thenCompose(started -> {
                    setHandle(started.packetDataHandle());
                    return wds.getCurrentSettings(new ClientWds.GetCurrentSettingsInput().requestedSettings(SETTINGS));
                })
                .thenApply(QmiWdsSettings::of);
    }

    /**
     * WDS Set IP Family: a client carries one family, and real modems answer its status and settings for that
     * family only. Firmware without the message takes the family from Start Network alone, so a refusal is noted
     * once and the call goes on.
     */
    private CompletableFuture<Void> bind() {
        return support.ask("WDS Set IP Family", () -> wds.setIpFamily(new ClientWds.SetIpFamilyInput()
                        .preference(family)))
                .handle((ok, failure) -> {
                    if (failure != null && ModemException.of(failure).kind() != ModemException.Kind.UNSUPPORTED) {
                        throw ModemException.of(failure);
                    }
                    return null;
                });
    }

    /**
     * Stops the call this session (or an earlier process on this state dir) started, or, without its handle, the
     * call that is up (adopted after a restart); down already is success.
     */
    CompletableFuture<Void> disconnect() {
        Long current = handle;
        CompletableFuture<Void> byHandle = current == null ? CompletableFuture.completedFuture(null) : stop(current);
        // The handle on file may be stale (a later call's was never written): what is still up goes by the global one.
        return byHandle.thenCompose(ignored -> connected())
                .thenCompose(up -> up ? stop(GLOBAL_PACKET_DATA_HANDLE) : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<Void> stop(long packetDataHandle) {
        return wds.stopNetwork(new ClientWds.StopNetworkInput().packetDataHandle(packetDataHandle),
                        Modem.CONNECT_TIMEOUT)
                .handle((ok, failure) -> {
                    if (failure != null) {
                        ModemException e = QmiFailures.map("WDS Stop Network", failure);
                        // A handle the modem no longer knows means the call is already gone.
                        if (e.kind() != ModemException.Kind.REJECTED) {
                            throw e;
                        }
                    }
                    setHandle(null);
                    return null;
                });
    }

    CompletableFuture<Boolean> connected() {
        return wds.getPacketServiceStatus().thenApply(out -> out.connectionStatus() != null
                && out.connectionStatus().is(WdsConnectionStatus.CONNECTED));
    }

    CompletableFuture<Optional<BearerSettings>> settings() {
        return connected().thenCompose(up -> up
                ? wds.getCurrentSettings(new ClientWds.GetCurrentSettingsInput().requestedSettings(SETTINGS))
                        .thenApply(out -> Optional.of(QmiWdsSettings.of(out)))
                : CompletableFuture.completedFuture(Optional.empty()));
    }

    CompletableFuture<Counters> counters() {
        return wds.getPacketStatistics(new ClientWds.GetPacketStatisticsInput()
                .mask(EnumSet.allOf(WdsPacketStatisticsMaskFlag.class))).thenApply(QmiWdsSettings::of);
    }

    /** The network ended the call: its handle is dead. */
    void callEnded() {
        setHandle(null);
    }

    /** Writes the attach APN into the default 3GPP profile, which the modem uses for the LTE attach. */
    CompletableFuture<Void> setAttachProfile(BearerProfile profile) {
        return wds.getDefaultProfileNumber(new ClientWds.GetDefaultProfileNumberInput()
                        .profileType(WdsProfileType._3GPP, WdsProfileFamily.EMBEDDED))
                .thenCompose(number -> {
                    int index = number.index() == null ? 1 : number.index();
                    ClientWds.ModifyProfileInput input = new ClientWds.ModifyProfileInput()
                            .profileIdentifier(WdsProfileType._3GPP, index);
                    if (profile == null) {
                        input.apnName("");
                    } else {
                        input.apnName(profile.apn()).pdpType(pdpType(profile))
                                .authentication(authentication(profile.auth()));
                        if (profile.username() != null) {
                            input.username(profile.username());
                        }
                        if (profile.password() != null) {
                            input.password(profile.password());
                        }
                    }
                    return wds.modifyProfile(input);
                })
                .thenApply(out -> null);
    }

    /** One WDS client carries one family: ipv4v6 is a call on each of two clients. */
    private static ClientWds.StartNetworkInput startInput(BearerProfile profile, WdsIpFamily family) {
        ClientWds.StartNetworkInput input = new ClientWds.StartNetworkInput().ipFamilyPreference(family);
        if (!profile.apn().isEmpty()) {
            input.apn(profile.apn());
        }
        if (profile.auth() != Auth.NONE) {
            input.authenticationPreference(authentication(profile.auth()));
        }
        if (profile.username() != null) {
            input.username(profile.username());
        }
        if (profile.password() != null) {
            input.password(profile.password());
        }
        return input;
    }

    private static EnumSet<WdsAuthentication> authentication(Auth auth) {
        return switch (auth) {
            case NONE -> EnumSet.noneOf(WdsAuthentication.class);
            case PAP -> EnumSet.of(WdsAuthentication.PAP);
            case CHAP -> EnumSet.of(WdsAuthentication.CHAP);
            case PAP_AND_CHAP -> EnumSet.of(WdsAuthentication.PAP, WdsAuthentication.CHAP);
        };
    }

    private static WdsPdpType pdpType(BearerProfile profile) {
        return switch (profile.ipType()) {
            case IPV4 -> WdsPdpType.IPV4;
            case IPV6 -> WdsPdpType.IPV6;
            case IPV4V6 -> WdsPdpType.IPV4_OR_IPV6;
        };
    }

    private void setHandle(Long value) {
        handle = value;
        if (handleFile == null) {
            return;
        }
        try {
            if (value == null) {
                DurableFile.delete(handleFile);
            } else {
                // rw-r--r--: the mode the file had under the usual umask before it was written through DurableFile.
                DurableFile.write(handleFile, Long.toString(value), DurableFile.WORLD_READABLE);
            }
        } catch (IOException e) {
            LOG.warn("cannot keep the packet data handle: {}", e.getMessage());
        }
    }

    private static Long loadHandle(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
