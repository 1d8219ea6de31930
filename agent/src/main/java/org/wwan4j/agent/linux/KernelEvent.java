package org.wwan4j.agent.linux;

/**
 * A kernel log signature the agent cares about, tied to what it names.
 *
 * @param kind            what happened
 * @param severity        how bad it is for the modem or the device
 * @param interfaceName   network interface named by the message, or null
 * @param usbAddress      USB device or interface named, as written ("1-1.4" or "1-1.4:1.8"), or null
 * @param device          other device named (PCI address "0000:01:00.0", "mhi0", "CPU#2", a task), or null
 * @param driver          kernel driver named, e.g. cdc_mbim, or null
 * @param message         the raw kernel message
 * @param timestampMicros kernel monotonic time of the message
 * @param repeats         how many identical events were folded into this one since the previous report
 */
public record KernelEvent(Kind kind, Severity severity, String interfaceName, String usbAddress, String device,
        String driver, String message, long timestampMicros, int repeats) {

    public enum Kind {
        /** A network interface's transmit queue stalled: the data path of the modem is stuck. */
        NETDEV_WATCHDOG,
        /** A modem driver (cdc_wdm, qmi_wwan, cdc_mbim, mhi) reported an error. */
        DRIVER_ERROR,
        USB_DISCONNECT,
        SOFT_LOCKUP,
        HARD_LOCKUP,
        HUNG_TASK,
        RCU_STALL
    }

    public enum Severity {
        WARNING, ERROR, CRITICAL
    }

    /** The USB device part of {@link #usbAddress}: "1-1.4" for "1-1.4:1.8"; null when none. */
    public String usbDevice() {
        if (usbAddress == null) {
            return null;
        }
        int colon = usbAddress.indexOf(':');
        return colon < 0 ? usbAddress : usbAddress.substring(0, colon);
    }

    KernelEvent withRepeats(int count) {
        return new KernelEvent(kind, severity, interfaceName, usbAddress, device, driver, message, timestampMicros, count);
    }
}
