package org.wwan4j.emulator.qmi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * IP addresses as WDS carries them: IPv4 as a u32 whose most significant byte is the first octet (written
 * little-endian like every QMI integer), IPv6 as eight u16 groups in network byte order (libqmi marks those arrays
 * "endian": "network"), i.e. the sixteen address bytes as they are.
 */
final class QmiAddresses {

    private QmiAddresses() {
    }

    static long ipv4(String literal) {
        byte[] b = parse(literal, Inet4Address.class);
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
    }

    static long ipv4Mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    static TlvWriter ipv6(TlvWriter out, String literal) {
        return out.bytes(parse(literal, Inet6Address.class));
    }

    private static byte[] parse(String literal, Class<? extends InetAddress> family) {
        try {
            InetAddress address = InetAddress.ofLiteral(literal);
            if (!family.isInstance(address)) {
                throw new IllegalArgumentException(literal + " is not " + family.getSimpleName());
            }
            return address.getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad address in modem state: " + literal, e);
        }
    }

}
