package org.wwan4j.agent.eve;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as Go's {@code encoding/json} writes them, for the few types whose Go form is not the obvious one: a
 * {@code *net.IPNet} is an object whose mask is base64 bytes, a nil slice is {@code null}, a float is the
 * shortest decimal without a needless ".0" or exponent.
 */
final class GoJson {

    private GoJson() {
    }

    /** A Go slice: {@code null} when empty, as a nil slice is written. */
    static Object slice(List<?> items) {
        return items == null || items.isEmpty() ? null : items;
    }

    /**
     * A {@code *net.IPNet}: {@code {"IP":"10.0.0.2","Mask":"////AA=="}}; the mask has 4 bytes for IPv4 and 16 for
     * IPv6 ({@code net.CIDRMask(prefix, bits)}), null when there is no address.
     */
    static Map<String, Object> ipNet(String address, Integer prefix) {
        if (address == null || prefix == null) {
            return null;
        }
        int bytes = address.contains(":") ? 16 : 4;
        byte[] mask = new byte[bytes];
        for (int bit = 0; bit < Math.min(prefix, bytes * 8); bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("IP", canonicalIp(address));
        m.put("Mask", Base64.getEncoder().encodeToString(mask));
        return m;
    }

    /** A {@code net.IP}: its text form, {@code ""} for a nil IP. */
    static String ip(String address) {
        return address == null ? "" : canonicalIp(address);
    }

    /** Go prints IPv6 in its shortest form; Java's literal parser keeps the text for IPv4. */
    private static String canonicalIp(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            String full = InetAddress.getByName(address).getHostAddress();
            return shortenIpv6(full);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** RFC 5952: the longest run (of at least two) of zero groups becomes "::", groups lose leading zeros. */
    private static String shortenIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
            int j = i;
            while (j < groups.length && groups[j].replaceFirst("^0+(?=.)", "").equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestLen = j - i;
                bestStart = i;
            }
        }
        if (bestLen < 2) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    /** A float64 as Go writes it: -32768, 45.5, never "-32768.0". */
    static BigDecimal float64(double d) {
        return decimal(Double.toString(d));
    }

    /** A float32 as Go writes it: the shortest decimal of the 32-bit value. */
    static BigDecimal float32(float f) {
        return decimal(Float.toString(f));
    }

    private static BigDecimal decimal(String shortest) {
        BigDecimal d = new BigDecimal(shortest).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
