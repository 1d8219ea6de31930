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

    /**
     * As {@link #open(Path, Protocol)}, saying whether the port must be shareable: the modem's config asks for
     * GNSS, which on MBIM modems runs through a second session (libqmi's QMI over MBIM) that only mbim-proxy can
     * give beside the agent's. A factory for which sharing means nothing ignores it.
     */
    default CompletableFuture<Modem> open(Path device, Protocol protocol, boolean shareable) {
        return open(device, protocol);
    }
}
