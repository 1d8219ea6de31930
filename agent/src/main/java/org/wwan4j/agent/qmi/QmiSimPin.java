package org.wwan4j.agent.qmi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.modem.RequestSupport.Path;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.SimLockState;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.ClientUim;
import org.wwan4j.qmi.DmsUimPinId;
import org.wwan4j.qmi.DmsUimPinStatus;
import org.wwan4j.qmi.UimCardApplicationState;
import org.wwan4j.qmi.UimCardApplicationType;
import org.wwan4j.qmi.UimPinId;
import org.wwan4j.qmi.UimPinState;
import org.wwan4j.qmi.UimSessionType;

/**
 * The SIM's PIN1 over QMI, newest message first as ModemManager does: the lock from UIM Get Card Status (the USIM
 * application's PIN1, or the universal PIN when it replaces PIN1), else DMS UIM Get PIN Status; the PIN entered with
 * UIM Verify PIN, else DMS UIM Verify PIN on firmware without it. A rejected PIN fails with the modem's error, which
 * never carries the PIN.
 */
final class QmiSimPin {

    static final String UIM_VERIFY_PIN = "UIM Verify PIN";
    static final String DMS_VERIFY_PIN = "DMS UIM Verify PIN";
    static final String DMS_GET_PIN_STATUS = "DMS UIM Get PIN Status";

    private final ClientUim uim;
    private final ClientDms dms;
    private final RequestSupport support;

    /** @param uim the UIM client, or null when the modem has no UIM service */
    QmiSimPin(ClientUim uim, ClientDms dms, RequestSupport support) {
        this.uim = uim;
        this.dms = dms;
        this.support = support;
    }

    CompletableFuture<SimLock> lock() {
        return support.firstSupported("SIM PIN lock", List.of(
                new Path<>(QmiSimReader.GET_CARD_STATUS, () -> uim(QmiSimReader.GET_CARD_STATUS)
                        .thenCompose(client -> client.getCardStatus()).thenApply(QmiSimPin::fromCardStatus)),
                new Path<>(DMS_GET_PIN_STATUS, () -> dms.uimGetPinStatus().thenApply(QmiSimPin::fromPinStatus))))
                .thenApply(lock -> lock == null ? SimLock.UNKNOWN : lock);
    }

    CompletableFuture<Void> enter(String pin) {
        return support.firstSupported("SIM PIN entry", List.<Path<Boolean>>of(
                new Path<>(UIM_VERIFY_PIN, () -> uim(UIM_VERIFY_PIN).thenCompose(client -> client.verifyPin(
                        new ClientUim.VerifyPinInput()
                                .session(UimSessionType.CARD_SLOT_1, new byte[0])
                                .info(UimPinId.PIN1, pin))).thenApply(out -> true)),
                new Path<>(DMS_VERIFY_PIN, () -> dms.uimVerifyPin(new ClientDms.UimVerifyPinInput()
                        .info(DmsUimPinId.PIN, pin)).thenApply(out -> true))))
                .thenApply(entered -> {
                    if (entered == null) {
                        throw new ModemException(ModemException.Kind.UNSUPPORTED,
                                "the modem knows neither " + UIM_VERIFY_PIN + " nor " + DMS_VERIFY_PIN);
                    }
                    return null;
                });
    }

    private CompletableFuture<ClientUim> uim(String what) {
        return uim != null ? CompletableFuture.completedFuture(uim)
                : CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                        what + ": the modem has no UIM service"));
    }

    /** The lock of the card in logical slot 1: its USIM application's PIN1 (or the universal PIN replacing it). */
    static SimLock fromCardStatus(ClientUim.GetCardStatusOutput out) {
        if (out == null || out.cardStatus() == null || out.cardStatus().cardsPtr() == null
                || out.cardStatus().cardsPtr().isEmpty()) {
            return SimLock.UNKNOWN;
        }
        ClientUim.GetCardStatusCardStatusCardsElement card = out.cardStatus().cardsPtr().getFirst();
        List<ClientUim.GetCardStatusCardStatusCardsElementApplicationsElement> apps =
                card.applications() == null ? List.of() : card.applications();
        ClientUim.GetCardStatusCardStatusCardsElementApplicationsElement app = apps.stream()
                .filter(a -> a.type() != null && a.type().is(UimCardApplicationType.USIM)).findFirst()
                .orElse(apps.isEmpty() ? null : apps.getFirst());
        if (app == null) {
            return SimLock.UNKNOWN;
        }
        if (Boolean.TRUE.equals(app.upinReplacesPin1())) {
            return new SimLock(state(card.upinState()), card.upinRetries(), card.upukRetries());
        }
        SimLockState state = state(app.pin1State());
        if (state == SimLockState.UNKNOWN) {
            state = applicationState(app.state());
        }
        return new SimLock(state, app.pin1Retries(), app.puk1Retries());
    }

    static SimLock fromPinStatus(ClientDms.UimGetPinStatusOutput out) {
        if (out == null || out.pin1Status() == null) {
            return SimLock.UNKNOWN;
        }
        var pin1 = out.pin1Status();
        SimLockState state = pin1.currentStatus() == null || pin1.currentStatus().constant() == null
                ? SimLockState.UNKNOWN : switch (pin1.currentStatus().constant()) {
                    case ENABLED_NOT_VERIFIED -> SimLockState.PIN_REQUIRED;
                    case BLOCKED -> SimLockState.PUK_REQUIRED;
                    case PERMANENTLY_BLOCKED -> SimLockState.BLOCKED;
                    case DISABLED, ENABLED_VERIFIED, UNBLOCKED, CHANGED -> SimLockState.UNLOCKED;
                    case NOT_INITIALIZED -> SimLockState.UNKNOWN;
                };
        return new SimLock(state, pin1.verifyRetriesLeft(), pin1.unblockRetriesLeft());
    }

    private static SimLockState state(EnumValue<UimPinState> pin) {
        if (pin == null || pin.constant() == null) {
            return SimLockState.UNKNOWN;
        }
        return switch (pin.constant()) {
            case ENABLED_NOT_VERIFIED -> SimLockState.PIN_REQUIRED;
            case ENABLED_VERIFIED, DISABLED -> SimLockState.UNLOCKED;
            case BLOCKED -> SimLockState.PUK_REQUIRED;
            case PERMANENTLY_BLOCKED -> SimLockState.BLOCKED;
            case NOT_INITIALIZED -> SimLockState.UNKNOWN;
        };
    }

    /** The application's own state, for cards that leave the PIN state uninitialised. */
    private static SimLockState applicationState(EnumValue<UimCardApplicationState> app) {
        if (app == null || app.constant() == null) {
            return SimLockState.UNKNOWN;
        }
        return switch (app.constant()) {
            case PIN1_OR_UPIN_PIN_REQUIRED -> SimLockState.PIN_REQUIRED;
            case PUK1_OR_UPIN_PUK_REQUIRED -> SimLockState.PUK_REQUIRED;
            case PIN1_BLOCKED -> SimLockState.BLOCKED;
            case READY -> SimLockState.UNLOCKED;
            default -> SimLockState.UNKNOWN;
        };
    }
}
