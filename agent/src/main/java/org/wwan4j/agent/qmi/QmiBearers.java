package org.wwan4j.agent.qmi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.qmi.ClientWds;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.WdsIpFamily;

/**
 * The default bearer over QMI as real modems want it: the data format agreed first ({@link QmiDataFormat}), then
 * one call per IP family, each on its own WDS client bound to that family ({@link QmiDataSession}). IPv4 rides on
 * the modem's first WDS client; IPv6 gets a second one, allocated the first time a config asks for IPv6 (or a call
 * of an earlier process is on file) and kept, its CID persistent like the others.
 *
 * <p>ipv4v6 is up when either family is: networks that grant one family only are common, and the status shows
 * which. Both failing fails the connect with the IPv4 call's reason.
 */
final class QmiBearers {

    private static final Logger LOG = LoggerFactory.getLogger(QmiBearers.class);

    private final QmiDevice device;
    private final RequestSupport support;
    private final QmiDataSession ipv4;
    private final Path ipv6HandleFile;
    private final QmiDataFormat format;
    private CompletableFuture<QmiDataSession> ipv6;
    private volatile KernelDataFormat kernel;
    private volatile DataFormat needed;
    private volatile DataFormat negotiated;
    /** Whether the last connect asked for IPv4: counters are read on a client that carries a call. */
    private volatile boolean carriesIpv4 = true;

    /**
     * @param wds        the modem's first WDS client, which carries IPv4 (and the attach profile)
     * @param handleFile where the IPv4 call's handle is kept, or null; the IPv6 call's sits beside it
     */
    QmiBearers(QmiDevice device, ClientWds wds, RequestSupport support, Path handleFile) {
        this.device = device;
        this.support = support;
        this.ipv4 = new QmiDataSession(wds, WdsIpFamily.IPV4, support, handleFile);
        this.ipv6HandleFile = ipv6HandleFile(handleFile);
        this.format = new QmiDataFormat(device, support);
    }

    /** Where the IPv6 call's handle is kept, beside the IPv4 one's; null without one. */
    static Path ipv6HandleFile(Path handleFile) {
        return handleFile == null ? null : handleFile.resolveSibling(handleFile.getFileName() + "-ipv6");
    }

    /** The IPv4 session, which also writes the attach profile. */
    QmiDataSession ipv4() {
        return ipv4;
    }

    void useDataFormat(KernelDataFormat kernelSide, DataFormat modelNeeds) {
        kernel = kernelSide;
        needed = modelNeeds;
    }

    /** Ends whatever is up, agrees the data format, then brings up each family the profile asks for. */
    CompletableFuture<BearerSettings> connect(BearerProfile profile) {
        boolean wantsIpv4 = profile.ipType() != IpType.IPV6;
        boolean wantsIpv6 = profile.ipType() != IpType.IPV4;
        carriesIpv4 = wantsIpv4;
        KernelDataFormat kernelSide = kernel;
        DataFormat modelNeeds = needed;
        // The contract: a connect first ends the old session, also one whose handle is not on file.
        return disconnect().exceptionally(failure -> null)
                .thenCompose(ignored -> format.negotiate(kernelSide, modelNeeds))
                .thenCompose(agreed -> {
                    negotiated = agreed;
                    CompletableFuture<BearerSettings> v4 = wantsIpv4 ? ipv4.connect(profile) : null;
                    CompletableFuture<BearerSettings> afterV4 = v4 == null ? CompletableFuture.completedFuture(null)
                            : v4.handle((settings, failure) -> settings);
                    // One call at a time: modems serialise PDN setup anyway, and the order is the same every run.
                    return afterV4.thenCompose(ok -> {
                        CompletableFuture<BearerSettings> v6 = wantsIpv6
                                ? ipv6Session().thenCompose(session -> session.connect(profile)) : null;
                        return both(v4, v6);
                    }).thenApply(settings -> settings.withDataFormat(agreed));
                });
    }

    /** The families that came up, merged; fails only when none did. */
    private CompletableFuture<BearerSettings> both(CompletableFuture<BearerSettings> v4,
            CompletableFuture<BearerSettings> v6) {
        CompletableFuture<BearerSettings> v6Done = v6 == null ? CompletableFuture.completedFuture(null)
                : v6.handle((settings, failure) -> settings);
        return v6Done.thenCompose(ignored -> {
            BearerSettings four = result(v4);
            BearerSettings six = result(v6);
            if (four == null && six == null) {
                return v4 != null ? v4 : v6; // both failed, or the only one asked failed: its reason
            }
            if (v4 != null && four == null) {
                LOG.info("{}: IPv4 call failed, IPv6 is up: {}", device.path(), reason(v4));
            }
            if (v6 != null && six == null) {
                LOG.info("{}: IPv6 call failed, IPv4 is up: {}", device.path(), reason(v6));
            }
            BearerSettings base = four != null ? four : new BearerSettings(null, null, six.apn());
            return CompletableFuture.completedFuture(six == null ? base : base.withIpv6Of(six));
        });
    }

    /** Ends the calls of both families; down already is success. */
    CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> v6 = ipv6IfKnown()
                .thenCompose(session -> session == null ? CompletableFuture.completedFuture(null)
                        : session.disconnect());
        // The IPv4 call is stopped whatever became of the IPv6 one; the first failure is reported.
        return v6.handle((ok, failure) -> failure)
                .thenCompose(v6Failure -> ipv4.disconnect().thenApply(ok -> {
                    if (v6Failure != null) {
                        throw ModemException.of(v6Failure);
                    }
                    return (Void) null;
                }));
    }

    /**
     * The settings of the calls that are up, merged, with the data format modem and kernel use; empty when no
     * call is up, or when the two disagree on the format (a bearer that passes no traffic is not worth keeping).
     */
    CompletableFuture<Optional<BearerSettings>> settings() {
        CompletableFuture<Optional<BearerSettings>> v4 = ipv4.settings();
        CompletableFuture<Optional<BearerSettings>> v6 = ipv6IfKnown().thenCompose(session -> session == null
                ? CompletableFuture.completedFuture(Optional.<BearerSettings>empty()) : session.settings());
        return v4.thenCombine(v6, (four, six) -> {
            if (four.isEmpty() && six.isEmpty()) {
                return Optional.<BearerSettings>empty();
            }
            BearerSettings base = four.orElseGet(() -> new BearerSettings(null, null, six.get().apn()));
            return Optional.of(six.isEmpty() ? base : base.withIpv6Of(six.get()));
        }).thenCompose(found -> found.isEmpty() ? CompletableFuture.completedFuture(found)
                : dataFormatOfLiveCall().thenApply(agreed -> agreed == null ? Optional.<BearerSettings>empty()
                        : Optional.of(found.get().withDataFormat(agreed))));
    }

    /** What this process negotiated, or for a call an earlier one left up, what both ends use now (null: differ). */
    private CompletableFuture<DataFormat> dataFormatOfLiveCall() {
        DataFormat known = negotiated;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return format.current(kernel).exceptionally(failure -> {
            LOG.info("{}: the data call that is up cannot be kept: {}", device.path(),
                    ModemException.of(failure).getMessage());
            return null;
        });
    }

    CompletableFuture<Counters> counters() {
        if (carriesIpv4) {
            return ipv4.counters();
        }
        return ipv6Session().thenCompose(QmiDataSession::counters);
    }

    /** The network ended the call: both families' handles are dead. */
    void callEnded() {
        ipv4.callEnded();
        CompletableFuture<QmiDataSession> session;
        synchronized (this) {
            session = ipv6;
        }
        if (session != null && session.isDone() && !session.isCompletedExceptionally()) {
            session.join().callEnded();
        }
    }

    /** The IPv6 session if it exists or an earlier call's handle is on file; otherwise null. */
    private CompletableFuture<QmiDataSession> ipv6IfKnown() {
        synchronized (this) {
            if (ipv6 != null || (ipv6HandleFile != null && Files.isRegularFile(ipv6HandleFile))) {
                return ipv6Session();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The second WDS client, allocated once (reusing a stored CID when there is one). */
    private synchronized CompletableFuture<QmiDataSession> ipv6Session() {
        if (ipv6 == null || ipv6.isCompletedExceptionally()) {
            ipv6 = device.wds().thenApply(client -> new QmiDataSession(client, WdsIpFamily.IPV6, support,
                    ipv6HandleFile));
        }
        return ipv6;
    }

    private static BearerSettings result(CompletableFuture<BearerSettings> call) {
        return call == null || call.isCompletedExceptionally() ? null : call.join();
    }

    private static String reason(CompletableFuture<BearerSettings> call) {
        return call.handle((ok, failure) -> failure == null ? "" : ModemException.of(failure).getMessage()).join();
    }
}
