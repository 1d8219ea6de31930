package org.wwan4j.agent.modem;

import java.io.IOException;
import org.wwan4j.agent.status.DataFormat;

/**
 * The host's side of the data format: how the kernel driver of the modem's network interface frames packets.
 * qmi_wwan has a switch for it ({@code /sys/class/net/IFACE/qmi/raw_ip}); a driver without the switch frames
 * 802.3 only. The QMI modem reads it before Start Network, sets the modem to match (or this to match the modem),
 * and refuses to call a bearer up while the two disagree.
 */
public interface KernelDataFormat {

    /** The interface's name, for messages. */
    String interfaceName();

    /** Whether the driver can switch to raw-IP (qmi_wwan since Linux 4.5); false means 802.3 only. */
    boolean supportsRawIp();

    /** How the driver frames now; {@link DataFormat#ETHERNET} when it has no switch. */
    DataFormat current() throws IOException;

    /**
     * Switches the driver's framing. The kernel accepts it only while the interface is down (it answers EBUSY
     * otherwise), so the bearer's IP settings must not be on it yet.
     */
    void set(DataFormat format) throws IOException;
}
