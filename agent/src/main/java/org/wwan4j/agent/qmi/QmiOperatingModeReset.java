package org.wwan4j.agent.qmi;

import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.DmsOperatingMode;

/**
 * Restarts a QMI modem through DMS Set Operating Mode: offline first (Qualcomm firmware only accepts reset from
 * offline, answering InvalidTransition otherwise), then reset. A modem often restarts before its answer to the
 * reset leaves it: no answer (timeout) or the port going away (closed) then means the reset is under way.
 */
final class QmiOperatingModeReset {

    private QmiOperatingModeReset() {
    }

    static CompletableFuture<Void> run(ClientDms dms) {
        return dms.setOperatingMode(new ClientDms.SetOperatingModeInput().mode(DmsOperatingMode.OFFLINE))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        QmiFailures.map("DMS Set Operating Mode offline", failure)))
                .thenCompose(offline -> reset(dms));
    }

    private static CompletableFuture<Void> reset(ClientDms dms) {
        return dms.setOperatingMode(new ClientDms.SetOperatingModeInput().mode(DmsOperatingMode.RESET))
                .handle((answer, failure) -> {
                    if (failure != null) {
                        ModemException e = QmiFailures.map("DMS Set Operating Mode reset", failure);
                        if (e.kind() != ModemException.Kind.TIMEOUT && e.kind() != ModemException.Kind.CLOSED) {
                            throw e;
                        }
                    }
                    return null;
                });
    }
}
