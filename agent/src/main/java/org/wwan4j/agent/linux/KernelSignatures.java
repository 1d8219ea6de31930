package org.wwan4j.agent.linux;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wwan4j.agent.linux.KernelEvent.Kind;
import org.wwan4j.agent.linux.KernelEvent.Severity;

/**
 * Recognises the kernel messages that say a modem, its driver or the machine is in trouble. Stateless: one
 * record in, at most one event out; folding repeats and stack traces is {@link KernelEventFilter}'s job.
 *
 * <p>Every pattern is anchored at the start of the message, so lines of a stack trace that merely mention a
 * driver ("Modules linked in: qmi_wwan cdc_wdm ...") are never taken for the driver's own message.
 */
public final class KernelSignatures {

    /** Drivers of modem control and data ports. */
    private static final String MODEM_DRIVERS = "cdc_wdm|qmi_wwan|cdc_mbim|mhi[\\w-]*";

    /**
     * Old form "NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out"; since 6.x the kernel prefixes
     * driver, bus id and interface ("cdc_mbim 2-1:1.12 wwan0: NETDEV WATCHDOG: CPU: 0: transmit queue 0 timed out 5120 ms").
     */
    private static final Pattern NETDEV_WATCHDOG = Pattern.compile(
            "(?:(\\S+) (\\S+) (\\S+): )?NETDEV WATCHDOG: (?:(\\S+) \\(([^)]+)\\)|CPU: \\d+): transmit queue \\d+ timed out.*");
    private static final Pattern USB_DISCONNECT = Pattern.compile("usb (\\d+-[\\d.]+): USB disconnect, device number \\d+.*");
    /** "driver busid[ ifname]: text", the dev_printk / netdev_printk layout. */
    private static final Pattern DRIVER_MESSAGE = Pattern.compile("(" + MODEM_DRIVERS + ") (\\S+?)(?: (\\S+))?: (.*)");
    /** Words that make a driver message an error rather than information ("registered", "USB WDM device"). */
    private static final Pattern DRIVER_ERROR_WORDS = Pattern.compile(
            "(?i).*(error|fail|timed? ?out|nonzero urb status|0 bytes|-\\d+\\b|dropped|shutdown|sys_err|crash|stall|reset).*");
    private static final Pattern SOFT_LOCKUP = Pattern.compile(
            "(?:watchdog: )?BUG: soft lockup - (CPU#\\d+) stuck for \\d+s! \\[(.+)\\].*");
    private static final Pattern HARD_LOCKUP = Pattern.compile(
            "(?:watchdog: )?Watchdog detected hard LOCKUP on cpu (\\d+).*");
    private static final Pattern HUNG_TASK = Pattern.compile("INFO: task (.+:\\d+) blocked for more than \\d+ seconds\\..*");
    private static final Pattern RCU_STALL = Pattern.compile(
            "(?:rcu: )?INFO: (rcu_\\w+) (?:self-)?detected stalls? on CPU.*");

    private static final Pattern USB_BUS_ID = Pattern.compile("\\d+-[\\d.]+(?::\\d+\\.\\d+)?");

    private KernelSignatures() {
    }

    public static Optional<KernelEvent> recognise(KmsgRecord record) {
        String text = record.message().strip();
        long at = record.timestampMicros();
        Matcher m;
        if ((m = NETDEV_WATCHDOG.matcher(text)).matches()) {
            // Old form: interface and driver in the message; new form: in the prefix.
            String iface = m.group(4) != null ? m.group(4) : m.group(3);
            String driver = m.group(5) != null ? m.group(5) : m.group(1);
            String busId = m.group(4) != null ? null : m.group(2);
            return Optional.of(new KernelEvent(Kind.NETDEV_WATCHDOG, Severity.ERROR, iface, usbOrNull(busId),
                    otherBusOrNull(busId), driver, text, at, 0));
        }
        if ((m = USB_DISCONNECT.matcher(text)).matches()) {
            return Optional.of(new KernelEvent(Kind.USB_DISCONNECT, Severity.WARNING, null, m.group(1), null, "usb",
                    text, at, 0));
        }
        if ((m = DRIVER_MESSAGE.matcher(text)).matches()) {
            if (!DRIVER_ERROR_WORDS.matcher(m.group(4)).matches()) {
                return Optional.empty();
            }
            String busId = m.group(2);
            String iface = m.group(3);
            return Optional.of(new KernelEvent(Kind.DRIVER_ERROR, Severity.ERROR, iface, usbOrNull(busId),
                    otherBusOrNull(busId), m.group(1), text, at, 0));
        }
        if ((m = SOFT_LOCKUP.matcher(text)).matches()) {
            return Optional.of(new KernelEvent(Kind.SOFT_LOCKUP, Severity.CRITICAL, null, null, m.group(1), null,
                    text, at, 0));
        }
        if ((m = HARD_LOCKUP.matcher(text)).matches()) {
            return Optional.of(new KernelEvent(Kind.HARD_LOCKUP, Severity.CRITICAL, null, null, "CPU#" + m.group(1),
                    null, text, at, 0));
        }
        if ((m = HUNG_TASK.matcher(text)).matches()) {
            return Optional.of(new KernelEvent(Kind.HUNG_TASK, Severity.WARNING, null, null, m.group(1), null, text,
                    at, 0));
        }
        if ((m = RCU_STALL.matcher(text)).matches()) {
            return Optional.of(new KernelEvent(Kind.RCU_STALL, Severity.CRITICAL, null, null, m.group(1), null, text,
                    at, 0));
        }
        return Optional.empty();
    }

    private static String usbOrNull(String busId) {
        return busId != null && USB_BUS_ID.matcher(busId).matches() ? busId : null;
    }

    private static String otherBusOrNull(String busId) {
        return busId == null || USB_BUS_ID.matcher(busId).matches() ? null : busId;
    }
}
