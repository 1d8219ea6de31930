package org.wwan4j.agent.mbim;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.mbim.ActivationCommand;
import org.wwan4j.mbim.AuthProtocol;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.Compression;
import org.wwan4j.mbim.ContextIpType;
import org.wwan4j.mbim.IPv4Element;
import org.wwan4j.mbim.IPv6Element;

/** The default bearer in MBIM terms: the connect request from a {@link BearerProfile}, and IP configuration back. */
final class MbimBearers {

    /** MBIM_CONTEXT_TYPE_INTERNET: the default bearer's context type. */
    static final UUID CONTEXT_INTERNET = UUID.fromString("7e5e2a7e-4e6f-7272-736b-656e7e5e2a7e");
    /** The agent uses one data session, the first. */
    static final long SESSION_ID = 0;

    private MbimBearers() {
    }

    /** The activate request; its toString masks the password, and it is never logged anyway. */
    static BasicConnect.ConnectSetRequest activate(BearerProfile profile) {
        boolean credentials = profile.auth() != Auth.NONE;
        return BasicConnect.ConnectSetRequest.builder()
                .sessionId(SESSION_ID)
                .activationCommand(ActivationCommand.ACTIVATE)
                .accessString(profile.apn())
                .userName(credentials ? profile.username() : null)
                .password(credentials ? profile.password() : null)
                .compression(Compression.NONE)
                .authProtocol(authProtocol(profile.auth()))
                .ipType(ipType(profile))
                .contextType(CONTEXT_INTERNET)
                .build();
    }

    static BasicConnect.ConnectSetRequest deactivate() {
        return BasicConnect.ConnectSetRequest.builder()
                .sessionId(SESSION_ID)
                .activationCommand(ActivationCommand.DEACTIVATE)
                .accessString("")
                .compression(Compression.NONE)
                .authProtocol(AuthProtocol.NONE)
                .ipType(ContextIpType.DEFAULT)
                .contextType(CONTEXT_INTERNET)
                .build();
    }

    /**
     * MBIM takes exactly one protocol per request. "PAP or CHAP" becomes CHAP, as ModemManager does for MBIM:
     * it never sends the password in clear, and networks that accept PAP nearly always accept CHAP too.
     */
    static AuthProtocol authProtocol(Auth auth) {
        return switch (auth) {
            case NONE -> AuthProtocol.NONE;
            case PAP -> AuthProtocol.PAP;
            case CHAP, PAP_AND_CHAP -> AuthProtocol.CHAP;
        };
    }

    static ContextIpType ipType(BearerProfile profile) {
        return switch (profile.ipType()) {
            case IPV4 -> ContextIpType.IPV4;
            case IPV6 -> ContextIpType.IPV6;
            case IPV4V6 -> ContextIpType.IPV4V6;
        };
    }

    static BearerSettings settings(BasicConnect.IpConfigurationResponse ip) {
        IpSettings v4 = null;
        if (!ip.ipv4Address().isEmpty()) {
            IPv4Element first = ip.ipv4Address().getFirst();
            v4 = new IpSettings(text(first.ipv4Address()), (int) first.onLinkPrefixLength(), text(ip.ipv4Gateway()),
                    texts(ip.ipv4DnsServer()), ip.ipv4Mtu() > 0 ? (int) ip.ipv4Mtu() : null);
        }
        IpSettings v6 = null;
        if (!ip.ipv6Address().isEmpty()) {
            IPv6Element first = ip.ipv6Address().getFirst();
            v6 = new IpSettings(text(first.ipv6Address()), (int) first.onLinkPrefixLength(), text(ip.ipv6Gateway()),
                    texts(ip.ipv6DnsServer()), ip.ipv6Mtu() > 0 ? (int) ip.ipv6Mtu() : null);
        }
        // MBIM's data plane (NCM, or MHI's) carries IP packets with no link-layer header: raw IP, always.
        return new BearerSettings(v4, v6, null, DataFormat.RAW_IP);
    }

    private static List<String> texts(List<InetAddress> addresses) {
        return addresses == null ? List.of() : addresses.stream().map(MbimBearers::text).toList();
    }

    /** Dotted quad, or RFC 5952 for IPv6 (InetAddress prints IPv6 uncompressed). */
    static String text(InetAddress address) {
        if (address == null) {
            return null;
        }
        if (address instanceof Inet6Address v6) {
            return compress(v6.getHostAddress());
        }
        return address.getHostAddress();
    }

    /** The longest run (at least two) of zero groups becomes "::", groups lose leading zeros, lower case. */
    private static String compress(String full) {
        String withoutScope = full.contains("%") ? full.substring(0, full.indexOf('%')) : full;
        String[] groups = withoutScope.split(":");
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
