package org.wwan4j.agent.policy;

import java.util.Objects;
import org.wwan4j.agent.config.ModemConfig;

/**
 * What a new config entry for a running modem asks for. The reference shell agent tore everything down on any
 * change; the reference Go agent reconnects on an access point change and only re-applies IP settings on an MTU
 * or metric change. That is the rule here, extended to every field: the smallest action that converges.
 */
public enum ConfigChange {
    /** Nothing the modem or the interface sees changed (e.g. probe or location settings only). */
    NONE,
    /** MTU or route metric: re-apply the IP settings on the interface, keep the bearer. */
    REAPPLY_IP,
    /**
     * Only how the modem is unlocked (FCC unlock, SIM PIN file): a modem held back by a lock tries again; one that
     * is up keeps going.
     */
    RETRY_UNLOCK,
    /** Anything the bearer or registration depends on: disconnect and go through connecting again. */
    RECONNECT;

    public static ConfigChange between(ModemConfig old, ModemConfig now) {
        if (old == null || now == null) {
            return old == now ? NONE : RECONNECT;
        }
        boolean bearerChanged = !Objects.equals(old.accessPoint(), now.accessPoint())
                || !Objects.equals(old.attachAccessPoint(), now.attachAccessPoint())
                || old.simSlot() != now.simSlot()
                || !old.preferredPlmns().equals(now.preferredPlmns())
                || !old.preferredRats().equals(now.preferredRats())
                || old.forbidRoaming() != now.forbidRoaming()
                || !Objects.equals(old.interfaceName(), now.interfaceName());
        if (bearerChanged) {
            return RECONNECT;
        }
        if (old.mtu() != now.mtu() || old.routeMetric() != now.routeMetric()) {
            return REAPPLY_IP;
        }
        if (!old.unlock().equals(now.unlock())) {
            return RETRY_UNLOCK;
        }
        return NONE;
    }
}
