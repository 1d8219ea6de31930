package org.wwan4j.agent.qmi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFailures;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.DmsFoxconnFirmwareVersionType;
import org.wwan4j.qmi.ProtocolError;
import org.wwan4j.qmi.QmiProtocolException;

/**
 * FCC unlock over QMI DMS: how a locked modem's refusal looks, and the unlock messages libqmi 1.32 can send. Which
 * message a model takes is the vendor table's choice; this class only knows how to send each.
 */
final class QmiFccUnlock {

    /** Foxconn's v2 unlock: the magic number and the two fixed strings its hash is built with. */
    private static final int FOXCONN_MAGIC_NUMBER = 48;
    private static final String FOXCONN_SALT = "salt";
    private static final String FOXCONN_MAGIC = "foxc";
    /** Foxconn's v1 unlock value. */
    private static final int FOXCONN_V1_VALUE = 0;

    private QmiFccUnlock() {
    }

    /**
     * What a failed Set Operating Mode online means. Sierra modules answer InvalidTransition while locked, others
     * Internal (ModemManager reads both as "unlock, then retry"); anything else is an ordinary failure.
     */
    static ModemException powerUpFailure(Throwable failure) {
        ModemException mapped = QmiFailures.map("DMS Set Operating Mode online", failure);
        if (ModemFailures.unwrap(failure) instanceof QmiProtocolException e
                && (e.error().is(ProtocolError.INVALID_TRANSITION) || e.error().is(ProtocolError.INTERNAL))) {
            return new ModemException(ModemException.Kind.RADIO_LOCKED, mapped.getMessage()
                    + " (the modem may be FCC-locked)", e);
        }
        return mapped;
    }

    static CompletableFuture<Void> send(ClientDms dms, FccUnlock method) {
        return switch (method) {
            case QMI_DMS -> dms.setFccAuthentication().thenApply(out -> null);
            case QMI_FOXCONN -> foxconnV2(dms).exceptionallyCompose(v2Failed -> foxconnV1(dms));
            default -> CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                    "FCC unlock " + method.jsonName() + " is not a QMI unlock"));
        };
    }

    private static CompletableFuture<Void> foxconnV1(ClientDms dms) {
        return dms.foxconnSetFccAuthentication(new ClientDms.FoxconnSetFccAuthenticationInput()
                .value(FOXCONN_V1_VALUE)).thenApply(out -> null);
    }

    /** v2 proves the host knows the modem: a hash over its firmware versions and IMEI. */
    private static CompletableFuture<Void> foxconnV2(ClientDms dms) {
        CompletableFuture<String> mcfg = firmware(dms, DmsFoxconnFirmwareVersionType.FIRMWARE_MCFG);
        CompletableFuture<String> apps = mcfg.thenCompose(v -> firmware(dms, DmsFoxconnFirmwareVersionType.APPS));
        CompletableFuture<String> imei = apps.thenCompose(v -> dms.getIds()).thenApply(ClientDms.GetIdsOutput::imei);
        return imei.thenCompose(id -> dms.foxconnSetFccAuthenticationV2(
                new ClientDms.FoxconnSetFccAuthenticationV2Input()
                        .magicString(foxconnHash(mcfg.join(), apps.join(), id))
                        .magicNumber(FOXCONN_MAGIC_NUMBER)))
                .thenApply(out -> null);
    }

    private static CompletableFuture<String> firmware(ClientDms dms, DmsFoxconnFirmwareVersionType type) {
        return dms.foxconnGetFirmwareVersion(new ClientDms.FoxconnGetFirmwareVersionInput().versionType(type))
                .thenApply(out -> {
                    if (out.version() == null || out.version().isBlank()) {
                        throw new ModemException(ModemException.Kind.REJECTED, "no firmware version " + type);
                    }
                    return out.version();
                });
    }

    /**
     * The salt, then the MD5 (hex) of: the MCFG firmware version without its last two dot-separated parts, the apps
     * version, the IMEI, the salt and the magic word.
     */
    static String foxconnHash(String mcfgVersion, String appsVersion, String imei) {
        String firmware = withoutLastParts(mcfgVersion, 2);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest((firmware + appsVersion + imei + FOXCONN_SALT + FOXCONN_MAGIC)
                    .getBytes(StandardCharsets.UTF_8));
            return FOXCONN_SALT + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static String withoutLastParts(String version, int parts) {
        String left = version;
        for (int i = 0; i < parts; i++) {
            int dot = left.lastIndexOf('.');
            if (dot < 0) {
                return version; // fewer parts than expected: keep it whole rather than guess
            }
            left = left.substring(0, dot);
        }
        return left;
    }
}
