package org.wwan4j.agent.status;

import java.time.Instant;

/**
 * The default data bearer; ipv4/ipv6 are null when that family is not connected.
 *
 * @param dataFormat how the modem and the host frame the bearer's packets (they agreed, or the bearer would not
 *                   be reported connected); null when not connected or not known
 */
public record Bearer(boolean connected, String apn, Instant connectedAt, IpSettings ipv4, IpSettings ipv6,
        DataFormat dataFormat) {

    public static final Bearer DISCONNECTED = new Bearer(false, null, null, null, null, null);

    public Bearer(boolean connected, String apn, Instant connectedAt, IpSettings ipv4, IpSettings ipv6) {
        this(connected, apn, connectedAt, ipv4, ipv6, null);
    }
}
