package org.wwan4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;

/**
 * The production table of modem protocols: the one place a protocol implementation is registered. The CLI
 * commands, the daemon and {@code demo} (which starts one emulated modem per registered protocol) all take it
 * from here.
 */
final class Factories {

    private Factories() {
    }

    /** Protocols this build can speak, in the order {@code demo} starts emulators for them. */
    static List<Protocol> protocols() {
        return List.of(Protocol.QMI, Protocol.MBIM);
    }

    static ModemFactories create(Path stateDir, Path sysfsRoot, Path devRoot) {
        return create(stateDir, sysfsRoot, devRoot, false);
    }

    /**
     * {@code mbimProxy} (the agent's {@code --mbim-proxy}): every MBIM port through mbim-proxy. Without it only the
     * ports of modems whose config asks for location tracking go through it (GNSS uses QMI over MBIM on modems that
     * carry it); the others are opened directly, the port then being the agent's alone.
     */
    static ModemFactories create(Path stateDir, Path sysfsRoot, Path devRoot, boolean mbimProxy) {
        SysfsDiscovery discovery = new SysfsDiscovery(sysfsRoot, devRoot);
        return ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(stateDir))
                .register(Protocol.MBIM, new MbimModemFactory(stateDir).withProxy(mbimProxy))
                .driverProtocol(ModemFactories.fromDiscovery(discovery::discover))
                .build();
    }
}
