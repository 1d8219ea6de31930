package org.wwan4j.agent.supervisor;

import java.io.IOException;
import org.wwan4j.agent.modem.BearerSettings;

/**
 * Puts a bearer's IP settings on the network interface and takes them off again. Calls are short and bounded
 * (netlink replies within {@link org.wwan4j.agent.linux.Rtnetlink#REPLY_TIMEOUT}) and run on the supervisor's
 * thread. Tests record the calls instead.
 */
public interface IpConfigurator {

    /** @param userMtu 0 = the network's */
    void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric) throws IOException;

    void remove(String interfaceName) throws IOException;
}
