package org.wwan4j.agent.status;

import java.time.Instant;

/** The default data bearer; ipv4/ipv6 are null when that family is not connected. */
public record Bearer(boolean connected, String apn, Instant connectedAt, IpSettings ipv4, IpSettings ipv6) {

    public static final Bearer DISCONNECTED = new Bearer(false, null, null, null, null);
}
