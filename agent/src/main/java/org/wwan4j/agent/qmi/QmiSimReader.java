package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFailures;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.modem.RequestSupport.Path;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.ClientUim;
import org.wwan4j.qmi.PhysicalSlotInformationSlot;
import org.wwan4j.qmi.PhysicalSlotStatusSlot;
import org.wwan4j.qmi.UimCardApplicationState;
import org.wwan4j.qmi.UimCardState;
import org.wwan4j.qmi.UimPhysicalCardState;
import org.wwan4j.qmi.UimSessionType;
import org.wwan4j.qmi.UimSlotState;

/**
 * Reads every SIM slot over QMI UIM: Get Slot Status says per physical slot whether a card is in it, whether the
 * slot is active, its ICCID and whether it is an eUICC; Get Card Status says whether the active card is usable or
 * PIN-locked; Read Transparent gives the active card's ICCID (EF 2FE2) and IMSI (EF 6F07). That is what tells a
 * card in an inactive slot ({@code inactive}) from an empty slot ({@code absent}).
 *
 * <p>Older firmware lacks some of it; each part falls back as ModemManager's does. Slots: Get Slot Status, then the
 * card status alone (one slot), then one slot assumed. ICCID and IMSI: Read Transparent, then DMS UIM Get ICCID /
 * Get IMSI. A modem without a UIM service at all (no client) has refused every UIM request.
 */
final class QmiSimReader {

    static final String GET_CARD_STATUS = "UIM Get Card Status";
    static final String GET_SLOT_STATUS = "UIM Get Slot Status";
    static final String READ_TRANSPARENT = "UIM Read Transparent";
    static final String DMS_GET_ICCID = "DMS UIM Get ICCID";
    static final String DMS_GET_IMSI = "DMS UIM Get IMSI";

    private final ClientUim uim;
    private final ClientDms dms;
    private final RequestSupport support;

    /** @param uim the UIM client, or null when the modem has no UIM service */
    QmiSimReader(ClientUim uim, ClientDms dms, RequestSupport support) {
        this.uim = uim;
        this.dms = dms;
        this.support = support;
    }

    CompletableFuture<List<Sim>> read() {
        CompletableFuture<ClientUim.GetCardStatusOutput> card = unlessUnsupported(
                support.ask(GET_CARD_STATUS, () -> uimRequest(GET_CARD_STATUS, ClientUim::getCardStatus)));
        CompletableFuture<ClientUim.GetSlotStatusOutput> slots = unlessUnsupported(
                support.ask(GET_SLOT_STATUS, () -> uimRequest(GET_SLOT_STATUS, ClientUim::getSlotStatus)));
        return card.thenCombine(slots, Status::new).thenCompose(this::withActiveCardFiles);
    }

    /** What the two status requests said, read together; either is null when the modem does not know it. */
    private record Status(ClientUim.GetCardStatusOutput card, ClientUim.GetSlotStatusOutput slots) {
    }

    /** A usable (or locked) card in the active slot gets its ICCID and IMSI read. */
    private CompletableFuture<List<Sim>> withActiveCardFiles(Status status) {
        if (status.card() == null && status.slots() == null) {
            support.reportUnavailable("SIM slots", support.reasons(List.of(GET_SLOT_STATUS, GET_CARD_STATUS))
                    + "; one slot assumed");
        }
        SimState known = status.card() == null ? null : activeCardState(status.card());
        if (known != null && known != SimState.PRESENT && known != SimState.LOCKED) {
            return CompletableFuture.completedFuture(slots(status.slots(), known, null, null));
        }
        // One after the other: the ICCID's chain settles whether Read Transparent is known before the IMSI's asks.
        return iccid().thenCompose(iccid -> imsi().thenApply(imsi -> {
            // Without a card status, a card whose identity could be read is present; one that gave nothing is not.
            SimState state = known != null ? known : iccid != null || imsi != null ? SimState.PRESENT : SimState.ABSENT;
            return slots(status.slots(), state, iccid, imsi);
        }));
    }

    private CompletableFuture<String> iccid() {
        return quietly(support.firstSupported("ICCID", List.of(
                new Path<>(READ_TRANSPARENT, () -> readFile(QmiSimFileCodec.EF_ICCID, QmiSimFileCodec.PATH_MF)
                        .thenApply(QmiSimFileCodec::iccid)),
                new Path<>(DMS_GET_ICCID, () -> dms.uimGetIccid().thenApply(out -> blankToNull(out.iccid()))))));
    }

    private CompletableFuture<String> imsi() {
        return quietly(support.firstSupported("IMSI", List.of(
                new Path<>(READ_TRANSPARENT, () -> readFile(QmiSimFileCodec.EF_IMSI, QmiSimFileCodec.PATH_MF_ADF)
                        .thenApply(QmiSimFileCodec::imsi)),
                new Path<>(DMS_GET_IMSI, () -> dms.uimGetImsi().thenApply(out -> blankToNull(out.imsi()))))));
    }

    /** A locked or odd card refuses reads of its identity: that leaves the value unknown, not the slot list failed. */
    private static CompletableFuture<String> quietly(CompletableFuture<String> read) {
        return read.exceptionally(failure -> null);
    }

    private CompletableFuture<byte[]> readFile(int fileId, byte[] path) {
        return uimRequest(READ_TRANSPARENT, client -> client.readTransparent(new ClientUim.ReadTransparentInput()
                        .session(UimSessionType.CARD_SLOT_1, new byte[0])
                        .file(fileId, path)
                        .readInformation(0, 0)))
                .thenApply(ClientUim.ReadTransparentOutput::readResult);
    }

    /** A UIM request, or UNSUPPORTED at once when the modem has no UIM service. */
    private <T> CompletableFuture<T> uimRequest(String what, Function<ClientUim, CompletableFuture<T>> request) {
        if (uim == null) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                    what + ": the modem has no UIM service"));
        }
        return request.apply(uim);
    }

    /** Null for a request the modem does not know; any other failure fails the read. */
    private static <T> CompletableFuture<T> unlessUnsupported(CompletableFuture<T> request) {
        return request.exceptionally(failure -> {
            if (ModemFailures.unwrap(failure) instanceof ModemException e
                    && e.kind() == ModemException.Kind.UNSUPPORTED) {
                return null;
            }
            throw failure instanceof java.util.concurrent.CompletionException c ? c
                    : new java.util.concurrent.CompletionException(failure);
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<Sim> slots(ClientUim.GetSlotStatusOutput status, SimState activeState, String activeIccid,
            String activeImsi) {
        List<PhysicalSlotStatusSlot> physical = status == null ? null : status.physicalSlotStatus();
        if (physical == null || physical.isEmpty()) {
            return List.of(new Sim(1, true, activeState, activeIccid, activeImsi, SimType.UNKNOWN));
        }
        List<PhysicalSlotInformationSlot> info = status.physicalSlotInformation();
        List<Sim> sims = new ArrayList<>(physical.size());
        for (int i = 0; i < physical.size(); i++) {
            PhysicalSlotStatusSlot slot = physical.get(i);
            boolean active = slot.physicalSlotStatus() != null && slot.physicalSlotStatus().is(UimSlotState.ACTIVE);
            boolean card = slot.physicalCardStatus() != null
                    && slot.physicalCardStatus().is(UimPhysicalCardState.PRESENT);
            String iccid = QmiSimFileCodec.iccid(slot.iccid());
            SimType type = type(info, i);
            SimState state;
            if (!card || (type == SimType.ESIM && iccid == null && !active)) {
                state = SimState.ABSENT; // an eUICC without an enabled profile counts as no SIM
            } else if (!active) {
                state = SimState.INACTIVE;
            } else {
                state = activeState;
            }
            if (active && activeIccid != null) {
                iccid = activeIccid;
            }
            sims.add(new Sim(i + 1, active, state, state == SimState.ABSENT ? null : iccid,
                    active ? activeImsi : null, type));
        }
        return sims;
    }

    private static SimType type(List<PhysicalSlotInformationSlot> info, int index) {
        if (info == null || index >= info.size() || info.get(index).isEuicc() == null) {
            return SimType.UNKNOWN;
        }
        return info.get(index).isEuicc() ? SimType.ESIM : SimType.PHYSICAL;
    }

    /**
     * State of the card in the active slot, from logical slot 1 of the card status. Only the application state
     * counts as locked: cards report PIN states for PINs that are enabled but not needed for the USIM.
     */
    private static SimState activeCardState(ClientUim.GetCardStatusOutput out) {
        if (out == null || out.cardStatus() == null || out.cardStatus().cardsPtr() == null
                || out.cardStatus().cardsPtr().isEmpty()) {
            return SimState.ABSENT;
        }
        ClientUim.GetCardStatusCardStatusCardsElement card = out.cardStatus().cardsPtr().get(0);
        UimCardState cardState = card.cardState() == null ? null : card.cardState().constant();
        if (cardState == UimCardState.ABSENT) {
            return SimState.ABSENT;
        }
        if (cardState != UimCardState.PRESENT) {
            return SimState.ERROR;
        }
        for (var app : card.applications() == null ? List.<ClientUim.GetCardStatusCardStatusCardsElementApplicationsElement>of()
                : card.applications()) {
            UimCardApplicationState state = app.state() == null ? null : app.state().constant();
            if (state == UimCardApplicationState.PIN1_OR_UPIN_PIN_REQUIRED
                    || state == UimCardApplicationState.PUK1_OR_UPIN_PUK_REQUIRED
                    || state == UimCardApplicationState.PIN1_BLOCKED) {
                return SimState.LOCKED;
            }
            if (state == UimCardApplicationState.ILLEGAL) {
                return SimState.ERROR;
            }
        }
        return SimState.PRESENT;
    }
}
