package org.wwan4j.emulator.mbim.basicconnect;

import org.wwan4j.emulator.model.ModemState;

/**
 * Whether the packet domain is attached. The neutral model attaches automatically whenever it is registered; the
 * only extra state is a host's explicit detach, which lasts until the host attaches again or the modem reboots.
 * It lives here, beside the MBIM CIDs that use it, because the neutral model has no attach state yet.
 */
public final class PacketAttachment {
    private final ModemState state;
    private volatile boolean detachedByHost;

    public PacketAttachment(ModemState state) {
        this.state = state;
    }

    public boolean attached() {
        return !detachedByHost && state.registration().state().registered();
    }

    public boolean detachedByHost() {
        return detachedByHost;
    }

    public void setDetachedByHost(boolean detached) {
        detachedByHost = detached;
    }
}
