package org.wwan4j.agent.policy;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One connectivity check through a modem. Blocking and bounded (a few seconds); run off the supervisor's thread.
 */
@FunctionalInterface
public interface Prober {

    /**
     * @param interfaceName the modem's network interface
     * @param source        the bearer's address; probes bind to it so they leave through this modem
     * @return empty on success, else what failed
     */
    Optional<String> probe(String interfaceName, InetAddress source);
}
