package org.wwan4j.agent.linux;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A kernel uevent as broadcast on NETLINK_KOBJECT_UEVENT: {@code "add@/devices/...\0ACTION=add\0SUBSYSTEM=usbmisc\0
 * DEVNAME=cdc-wdm0\0SEQNUM=4711\0"}.
 *
 * @param action        add, remove, change, bind, unbind, move...
 * @param devpath       sysfs path below /sys, e.g. /devices/pci0000:00/.../usbmisc/cdc-wdm0
 * @param subsystem     usbmisc, wwan, net, usb...
 * @param devname       device node name below /dev (cdc-wdm0), or null
 * @param interfaceName INTERFACE for net devices (wwan0), or null
 * @param sequence      SEQNUM, or -1
 * @param environment   every KEY=value pair, in order
 */
public record Uevent(String action, String devpath, String subsystem, String devname, String interfaceName,
        long sequence, Map<String, String> environment) {

    /** udevd re-broadcasts processed events with this header on another group; those are not the kernel's. */
    private static final String LIBUDEV_MAGIC = "libudev";
    /** Kernel limit for one uevent's environment buffer (UEVENT_BUFFER_SIZE). */
    static final int MAX_BYTES = 2048 * 4;

    public Uevent {
        environment = Map.copyOf(environment);
    }

    /** The device's name, last part of devpath: "cdc-wdm0", "wwan0mbim0", "1-1.4". */
    public String deviceName() {
        int slash = devpath.lastIndexOf('/');
        return slash < 0 ? devpath : devpath.substring(slash + 1);
    }

    /** Parses one datagram; anything that is not a well-formed kernel uevent gives empty. */
    public static Optional<Uevent> parse(byte[] data, int length) {
        int end = Math.min(length, data.length);
        int headerEnd = indexOfNul(data, 0, end);
        if (headerEnd <= 0) {
            return Optional.empty();
        }
        String header = new String(data, 0, headerEnd, StandardCharsets.UTF_8);
        int at = header.indexOf('@');
        if (header.equals(LIBUDEV_MAGIC) || at <= 0) {
            return Optional.empty();
        }
        Map<String, String> environment = new LinkedHashMap<>();
        int offset = headerEnd + 1;
        while (offset < end) {
            int next = indexOfNul(data, offset, end);
            int stop = next < 0 ? end : next;
            String pair = new String(data, offset, stop - offset, StandardCharsets.UTF_8);
            int eq = pair.indexOf('=');
            if (eq > 0) {
                environment.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
            offset = stop + 1;
        }
        String action = environment.getOrDefault("ACTION", header.substring(0, at));
        String devpath = environment.getOrDefault("DEVPATH", header.substring(at + 1));
        String subsystem = environment.get("SUBSYSTEM");
        if (subsystem == null || devpath.isEmpty()) {
            return Optional.empty();
        }
        long sequence;
        try {
            sequence = Long.parseLong(environment.getOrDefault("SEQNUM", "-1"));
        } catch (NumberFormatException e) {
            sequence = -1;
        }
        return Optional.of(new Uevent(action, devpath, subsystem, environment.get("DEVNAME"),
                environment.get("INTERFACE"), sequence, environment));
    }

    private static int indexOfNul(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
