package org.wwan4j.agent.supervisor;

import java.io.IOException;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.KernelDataFormat;

/**
 * Puts a bearer's IP settings on the network interface and takes them off again. Calls are short and bounded
 * (netlink replies within {@link org.wwan4j.agent.linux.Rtnetlink#REPLY_TIMEOUT}) and run on the supervisor's
 * thread. Tests record the calls instead.
 */
public interface IpConfigurator {

    /** @param userMtu 0 = the network's */
    void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric) throws IOException;

    void remove(String interfaceName) throws IOException;

    /**
     * The kernel's framing switch of the interface (qmi_wwan's raw_ip), which the QMI modem negotiates against
     * before Start Network; null when this configurator knows no kernel side (then the modem's format is taken as
     * it is, unchecked).
     */
    default KernelDataFormat kernelDataFormat(String interfaceName) {
        return null;
    }
}
