package org.wwan4j.emulator.model;

import java.time.Instant;

/** The data bearer; ipv4/ipv6 are null when that family is not up. */
public record Bearer(boolean connected, String apn, IpType ipType, Auth auth, Instant connectedAt, IpSettings ipv4,
                     IpSettings ipv6, int mtu) {

    public static final Bearer DISCONNECTED = new Bearer(false, null, null, null, null, null, null, 0);
}
