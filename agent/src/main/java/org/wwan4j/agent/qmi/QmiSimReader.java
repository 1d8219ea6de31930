package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
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
 * <p>Modems without slot status (single-slot firmware) answer it with "invalid QMI command": they are reported as
 * one slot from the card status alone.
 */
final class QmiSimReader {

    private final ClientUim uim;

    QmiSimReader(ClientUim uim) {
        this.uim = uim;
    }

    CompletableFuture<List<Sim>> read() {
        CompletableFuture<ClientUim.GetCardStatusOutput> card = uim.getCardStatus();
        CompletableFuture<ClientUim.GetSlotStatusOutput> slots = uim.getSlotStatus()
                .exceptionally(failure -> {
                    ModemException e = QmiFailures.map("UIM Get Slot Status", failure);
                    if (e.kind() == ModemException.Kind.UNSUPPORTED) {
                        return null;
                    }
                    throw e;
                });
        return card.thenCombine(slots, Status::new).thenCompose(this::withActiveCardFiles);
    }

    /** What the two status requests said, read together. */
    private record Status(ClientUim.GetCardStatusOutput card, ClientUim.GetSlotStatusOutput slots) {
    }

    /** A usable (or locked) card in the active slot gets its ICCID and IMSI read from its files. */
    private CompletableFuture<List<Sim>> withActiveCardFiles(Status status) {
        SimState activeState = activeCardState(status.card());
        if (activeState != SimState.PRESENT && activeState != SimState.LOCKED) {
            return CompletableFuture.completedFuture(slots(status.slots(), activeState, null, null));
        }
        return readFile(QmiSimFileCodec.EF_ICCID, QmiSimFileCodec.PATH_MF).thenCombine(
                readFile(QmiSimFileCodec.EF_IMSI, QmiSimFileCodec.PATH_MF_ADF),
                (iccid, imsi) -> slots(status.slots(), activeState, QmiSimFileCodec.iccid(iccid),
                        QmiSimFileCodec.imsi(imsi)));
    }

    /** A locked or odd card refuses file reads: that leaves the value unknown, it does not fail the slot list. */
    private CompletableFuture<byte[]> readFile(int fileId, byte[] path) {
        return uim.readTransparent(new ClientUim.ReadTransparentInput()
                        .session(UimSessionType.CARD_SLOT_1, new byte[0])
                        .file(fileId, path)
                        .readInformation(0, 0))
                .thenApply(ClientUim.ReadTransparentOutput::readResult)
                .exceptionally(failure -> null);
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
