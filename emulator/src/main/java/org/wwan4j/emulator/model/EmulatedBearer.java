package org.wwan4j.emulator.model;

import java.time.Instant;

/** The data bearer; ipv4/ipv6 are null when that family is not up. */
public record EmulatedBearer(boolean connected, String apn, EmulatedIpType ipType, EmulatedAuth auth,
        Instant connectedAt, EmulatedIpSettings ipv4,
                     EmulatedIpSettings ipv6, int mtu) {

    public static final EmulatedBearer DISCONNECTED = new EmulatedBearer(false, null, null, null, null, null, null, 0);
}
