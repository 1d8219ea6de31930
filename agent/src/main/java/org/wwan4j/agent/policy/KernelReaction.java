package org.wwan4j.agent.policy;

import org.wwan4j.agent.linux.KernelEvent;

/** What the agent does about a kernel log event that concerns a modem. */
public enum KernelReaction {
    /** The modem's driver or data path is in trouble: start its recovery ladder (once per burst). */
    RECOVER,
    /** The modem left the bus: it is absent until discovery finds it again. */
    LOST,
    /** Nothing the agent can fix (lockups, hung tasks): shown in status, no action. */
    RECORD;

    public static KernelReaction of(KernelEvent event) {
        return switch (event.kind()) {
            case NETDEV_WATCHDOG, DRIVER_ERROR -> RECOVER;
            case USB_DISCONNECT -> LOST;
            case SOFT_LOCKUP, HARD_LOCKUP, HUNG_TASK, RCU_STALL -> RECORD;
        };
    }
}
