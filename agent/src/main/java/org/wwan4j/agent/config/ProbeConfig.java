package org.wwan4j.agent.config;

/**
 * The connectivity probe run through a connected modem.
 *
 * @param method          icmp, tcp, dns or none
 * @param host            target; null means the method's default (the policy decides, e.g. 8.8.8.8 for icmp)
 * @param port            TCP port; required for tcp, otherwise null
 * @param intervalSeconds time between probes
 */
public record ProbeConfig(ProbeMethod method, String host, Integer port, int intervalSeconds) {

    /** Default interval of the reference agent: five minutes. */
    public static final int DEFAULT_INTERVAL_SECONDS = 300;

    public static final ProbeConfig DEFAULT = new ProbeConfig(ProbeMethod.ICMP, null, null, DEFAULT_INTERVAL_SECONDS);
}
