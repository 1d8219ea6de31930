package org.wwan4j.agent.modem;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.Protocol;

/**
 * Opens modems. The daemon holds one factory; the QMI/MBIM implementation chooses the protocol class, tests give
 * a scripted one.
 */
@FunctionalInterface
public interface ModemFactory {

    /**
     * Opens the control port, bounded like any {@link Modem} request (opening includes the protocol's own
     * handshake: QMI CTL sync / MBIM OPEN).
     *
     * @param device   control port, e.g. /dev/cdc-wdm0
     * @param protocol the protocol to speak; AUTO means the one the driver suggests (cdc_mbim, mhi: MBIM; qmi_wwan: QMI)
     */
    CompletableFuture<Modem> open(Path device, Protocol protocol);
}
