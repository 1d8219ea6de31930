package org.wwan4j.agent.qmi;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.qmi.ClientWds;

/** WDS Get Current Settings and Get Packet Statistics to the neutral records. */
final class QmiWdsSettings {

    private QmiWdsSettings() {
    }

    static BearerSettings of(ClientWds.GetCurrentSettingsOutput out) {
        Integer mtu = out.mtu() == null || out.mtu() == 0 ? null : out.mtu().intValue();
        IpSettings v4 = null;
        if (out.ipv4Address() != null && out.ipv4Address() != 0) {
            List<String> dns = new ArrayList<>(2);
            addIpv4(dns, out.primaryIpv4DnsAddress());
            addIpv4(dns, out.secondaryIpv4DnsAddress());
            Integer prefix = out.ipv4GatewaySubnetMask() == null ? null : Long.bitCount(out.ipv4GatewaySubnetMask());
            v4 = new IpSettings(ipv4(out.ipv4Address()), prefix,
                    out.ipv4GatewayAddress() == null ? null : ipv4(out.ipv4GatewayAddress()), dns, mtu);
        }
        IpSettings v6 = null;
        if (out.ipv6Address() != null && out.ipv6Address().address() != null) {
            List<String> dns = new ArrayList<>(2);
            addIpv6(dns, out.ipv6PrimaryDnsAddress());
            addIpv6(dns, out.ipv6SecondaryDnsAddress());
            var gw = out.ipv6GatewayAddress();
            v6 = new IpSettings(ipv6(out.ipv6Address().address()), out.ipv6Address().prefixLength(),
                    gw == null ? null : ipv6(gw.address()), dns, mtu);
        }
        return new BearerSettings(v4, v6, blankToNull(out.apnName()));
    }

    /** A modem that leaves the APN out (or sends it empty, the network's default) does not tell it. */
    private static String blankToNull(String apn) {
        return apn == null || apn.isBlank() ? null : apn;
    }

    static Counters of(ClientWds.GetPacketStatisticsOutput out) {
        return new Counters(out.txBytesOk(), out.rxBytesOk(), out.txPacketsOk(), out.rxPacketsOk(),
                out.txPacketsDropped(), out.rxPacketsDropped(), out.txPacketsError(), out.rxPacketsError());
    }

    private static void addIpv4(List<String> dns, Long address) {
        if (address != null && address != 0) {
            dns.add(ipv4(address));
        }
    }

    private static void addIpv6(List<String> dns, List<Long> address) {
        if (address != null && !address.isEmpty()) {
            dns.add(ipv6(address));
        }
    }

    /** QMI gives IPv4 addresses as host-order numbers, most significant byte first when printed. */
    static String ipv4(long address) {
        return (address >> 24 & 0xFF) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "."
                + (address & 0xFF);
    }

    /** Eight 16-bit groups in RFC 5952 form: lower case, the longest run of two or more zero groups as "::". */
    static String ipv6(List<Long> groups) {
        if (groups == null || groups.size() != 8) {
            return null;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups.get(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Long.toHexString(groups.get(i) & 0xFFFF));
        }
        return text.toString();
    }
}
