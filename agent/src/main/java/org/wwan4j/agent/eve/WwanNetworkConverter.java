package org.wwan4j.agent.eve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ModemMatch;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;

/**
 * One {@code WwanNetworkConfig} (with its {@code CellularAccessPoint}) to one agent config entry, field by field as
 * mmagent uses them. Bad values are added to the reader's error list; the whole file is then rejected.
 */
final class WwanNetworkConverter {

    /** What EVE's encrypted credentials turn into; the agent's own error for it is replaced in status. */
    static final String ENCRYPTED_CREDENTIALS_ERROR = "EncryptedCredentials cannot be decrypted by wwan4j: it has no "
            + "access to EVE's controller and edge-node certificates; send CleartextCredentials (local profile "
            + "server) instead";

    /**
     * The password "file" of an access point whose credentials are encrypted: a name that never exists, so the
     * agent keeps the radio on but never connects without the credentials, as mmagent does after a failed
     * decryption.
     */
    static final Path UNREADABLE_CREDENTIALS = Path.of("/nonexistent/wwan4j-eve-encrypted-credentials");

    /** mmagent's probe period and default ICMP target. */
    static final int PROBE_INTERVAL_SECONDS = 300;
    static final String DEFAULT_PROBE_HOST = "8.8.8.8";

    private static final int PROBE_METHOD_NONE = 0;
    private static final int PROBE_METHOD_ICMP = 1;
    private static final int PROBE_METHOD_TCP = 2;

    private WwanNetworkConverter() {
    }

    record Converted(ModemConfig config, EveNetwork network) {
    }

    static Converted convert(GoFields n) {
        String label = n.string("LogicalLabel");
        if (label.isEmpty()) {
            n.error("LogicalLabel", "missing (every configured modem needs its logical label)");
        }
        GoFields physFields = n.object("PhysAddrs");
        EvePhysAddrs phys = EvePhysAddrs.read(physFields);
        ModemMatch match = phys.toMatch(physFields);
        GoFields ap = n.object("AccessPoint");
        String configError = null;
        AccessPoint defaultBearer = accessPoint(ap, "APN", "IPType", "AuthProtocol", "CleartextCredentials");
        AccessPoint attach = null;
        if (!ap.string("AttachAPN").isEmpty()) {
            attach = accessPoint(ap, "AttachAPN", "AttachIPType", "AttachAuthProtocol", "AttachCleartextCredentials");
        }
        EncryptedCredentials encrypted = EncryptedCredentials.of(ap.object("EncryptedCredentials"));
        if (encrypted != null) {
            configError = ENCRYPTED_CREDENTIALS_ERROR;
            defaultBearer = new AccessPoint(defaultBearer.apn(), defaultBearer.ipType(), defaultBearer.auth(), null,
                    UNREADABLE_CREDENTIALS, null);
        }
        boolean locationTracking = n.bool("LocationTracking");
        ModemConfig config = new ModemConfig(label, match, Protocol.AUTO, phys.iface().isEmpty() ? null : phys.iface(),
                (int) ap.unsigned("SIMSlot", 8), defaultBearer, attach, plmns(ap), rats(ap), ap.bool("ForbidRoaming"),
                (int) n.unsigned("MTU", 16), n.unsigned("RouteMetric", 32), locationTracking, probe(n.object("Probe"), proxies(n)));
        return new Converted(config, new EveNetwork(label, phys, configError, locationTracking,
                encrypted));
    }

    private static AccessPoint accessPoint(GoFields ap, String apn, String ipType, String auth, String credentials) {
        GoFields creds = ap.object(credentials);
        String user = creds.string("Username");
        String password = creds.string("Password");
        return new AccessPoint(ap.string(apn), ipType(ap, ipType), auth(ap, auth), user.isEmpty() ? null : user, null,
                password.isEmpty() ? null : password);
    }

    /** WwanIPType; "" leaves the choice to the modem in mmagent, which then reads IPv4 only: IPv4 here. */
    private static IpType ipType(GoFields f, String field) {
        return switch (f.string(field)) {
            case "", "ipv4" -> IpType.IPV4;
            case "ipv6" -> IpType.IPV6;
            case "ipv4v6" -> IpType.IPV4V6;
            default -> {
                f.error(field, "\"" + f.string(field) + "\" is not one of \"\", ipv4, ipv4v6, ipv6");
                yield IpType.IPV4;
            }
        };
    }

    private static Auth auth(GoFields f, String field) {
        return switch (f.string(field)) {
            case "" -> Auth.NONE;
            case "pap" -> Auth.PAP;
            case "chap" -> Auth.CHAP;
            case "pap-and-chap" -> Auth.PAP_AND_CHAP;
            default -> {
                f.error(field, "\"" + f.string(field) + "\" is not one of \"\", pap, chap, pap-and-chap");
                yield Auth.NONE;
            }
        };
    }

    /** MCCMNC; the dashed form of EVE's older API ("310-260") is accepted too. */
    private static List<String> plmns(GoFields ap) {
        List<String> out = new ArrayList<>();
        for (String plmn : ap.strings("PreferredPLMNs")) {
            String digits = plmn.replace("-", "");
            if (digits.matches("\\d{5,6}")) {
                out.add(digits);
            } else {
                ap.error("PreferredPLMNs", "\"" + plmn + "\" is not an MCCMNC code");
            }
        }
        return out;
    }

    /** WwanRAT; "" means automatic and adds nothing to the preference. */
    private static List<Rat> rats(GoFields ap) {
        List<Rat> out = new ArrayList<>();
        for (String rat : ap.strings("PreferredRATs")) {
            switch (rat) {
                case "" -> { }
                case "gsm" -> out.add(Rat.GSM);
                case "umts" -> out.add(Rat.UMTS);
                case "lte" -> out.add(Rat.LTE);
                case "5gnr" -> out.add(Rat.NR5G);
                default -> ap.error("PreferredRATs", "\"" + rat + "\" is not one of \"\", gsm, umts, lte, 5gnr");
            }
        }
        return out;
    }

    /**
     * The network's proxies (Go's ProxyEntry: {@code server}, {@code port}) the probe tries first; mmagent skips
     * those named by host name (resolving them would need the network it is probing), and so do we.
     */
    private static List<InetSocketAddress> proxies(GoFields network) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (GoFields proxy : network.objects("Proxies")) {
            String server = proxy.string("Server");
            long port = proxy.unsigned("Port", 32);
            if (server.isEmpty() || port == 0 || port > 65535) {
                continue;
            }
            try {
                out.add(new InetSocketAddress(InetAddress.ofLiteral(server), (int) port));
            } catch (IllegalArgumentException e) {
                // A host name: skipped, as mmagent does.
            }
        }
        return out;
    }

    /** WwanProbe: disabled, or the user's probe after the proxies; method none pings 8.8.8.8, as mmagent does. */
    private static ProbeConfig probe(GoFields probe, List<InetSocketAddress> proxies) {
        if (probe.bool("Disable")) {
            return new ProbeConfig(ProbeMethod.NONE, null, null, PROBE_INTERVAL_SECONDS);
        }
        ProbeConfig user = userProbe(probe);
        return new ProbeConfig(user.method(), user.host(), user.port(), user.intervalSeconds(), proxies);
    }

    private static ProbeConfig userProbe(GoFields probe) {
        GoFields user = probe.object("UserDefinedProbe");
        String host = user.string("ProbeHost");
        int method = (int) user.unsigned("Method", 8);
        return switch (method) {
            case PROBE_METHOD_NONE -> new ProbeConfig(ProbeMethod.ICMP, DEFAULT_PROBE_HOST, null,
                    PROBE_INTERVAL_SECONDS);
            case PROBE_METHOD_ICMP -> new ProbeConfig(ProbeMethod.ICMP, host.isEmpty() ? DEFAULT_PROBE_HOST : host,
                    null, PROBE_INTERVAL_SECONDS);
            case PROBE_METHOD_TCP -> {
                int port = (int) user.unsigned("ProbePort", 16);
                if (host.isEmpty() || port == 0) {
                    user.error("ProbeHost", "a tcp probe needs ProbeHost and ProbePort");
                }
                yield new ProbeConfig(ProbeMethod.TCP, host, port, PROBE_INTERVAL_SECONDS);
            }
            default -> {
                user.error("Method", method + " is not 0 (none), 1 (icmp) or 2 (tcp)");
                yield ProbeConfig.DEFAULT;
            }
        };
    }
}
