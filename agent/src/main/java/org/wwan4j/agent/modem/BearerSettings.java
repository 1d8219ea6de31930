package org.wwan4j.agent.modem;

import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.agent.status.IpSettings;

/**
 * IP settings the network gave a connected bearer, one per family; a family not connected is null.
 * Addresses are in their textual form (dotted quad, RFC 5952 for IPv6); MTU null when the network gave none.
 *
 * @param apn        the access point the bearer is up on, where the protocol tells it (QMI Get Current Settings
 *                   does; MBIM 1.0's connect state does not): null when unknown. Lets a restarted agent tell
 *                   whether a bearer it finds up is the one its config asks for.
 * @param dataFormat how the bearer's packets are framed on the link, as modem and host agreed; null when unknown
 */
public record BearerSettings(IpSettings ipv4, IpSettings ipv6, String apn, DataFormat dataFormat) {

    /** Settings of a bearer whose access point is not known. */
    public BearerSettings(IpSettings ipv4, IpSettings ipv6) {
        this(ipv4, ipv6, null, null);
    }

    public BearerSettings(IpSettings ipv4, IpSettings ipv6, String apn) {
        this(ipv4, ipv6, apn, null);
    }

    public boolean hasAddress() {
        return (ipv4 != null && ipv4.address() != null) || (ipv6 != null && ipv6.address() != null);
    }

    /** These settings with the data format the link was negotiated to. */
    public BearerSettings withDataFormat(DataFormat format) {
        return new BearerSettings(ipv4, ipv6, apn, format);
    }

    /** The families of both: IPv4 from this, IPv6 from the other (QMI brings dual stack up as two calls). */
    public BearerSettings withIpv6Of(BearerSettings other) {
        return new BearerSettings(ipv4, other == null ? null : other.ipv6(), apn != null ? apn
                : other == null ? null : other.apn(), dataFormat);
    }
}
