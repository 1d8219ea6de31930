package org.wwan4j.agent.linux;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs inside a network namespace made by {@link IpSettingsNamespaceTest} (never on the host's own network):
 * drives {@link IpSettingsApplier} and {@link Rtnetlink} on the stand-in interface {@code wwan0} and prints what
 * it reads back, one fact per line, for the test to compare with {@code ip -j} output.
 */
public final class NetnsProbe {

    static final String INTERFACE = "wwan0";

    private NetnsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path resolvDir = Path.of(args[1]);
        try (Rtnetlink rtnetlink = Rtnetlink.open()) {
            IpSettingsApplier applier = new IpSettingsApplier(rtnetlink, resolvDir);
            switch (args[0]) {
                case "apply" -> {
                    // First bearer, then a reconnect that got another IPv4 address, with a changed metric.
                    applier.apply(INTERFACE, List.of(
                            new IpAssignment(ip("10.64.64.10"), 30, ip("10.64.64.9"), List.of(ip("192.0.2.53")), 1430),
                            new IpAssignment(ip("2001:db8:64::10"), 64, ip("2001:db8:64::1"), List.of(ip("2001:db8::53")), 0)),
                            0, 250);
                    applier.apply(INTERFACE, List.of(
                            new IpAssignment(ip("10.64.64.14"), 30, ip("10.64.64.13"),
                                    List.of(ip("192.0.2.53"), ip("192.0.2.54")), 1430),
                            new IpAssignment(ip("2001:db8:64::10"), 64, ip("2001:db8:64::1"),
                                    List.of(ip("2001:db8::53"), ip("192.0.2.53")), 0)),
                            0, 300);
                    report("apply", rtnetlink, applier);
                }
                case "p2p" -> {
                    // Many modems hand out a /32 with a gateway no prefix covers: the route must go onlink.
                    applier.apply(INTERFACE, List.of(
                            new IpAssignment(ip("100.64.1.7"), 32, ip("100.64.1.1"), List.of(ip("192.0.2.53")), 0)),
                            0, 50);
                    report("p2p", rtnetlink, applier);
                }
                case "remove" -> {
                    applier.remove(INTERFACE);
                    report("remove", rtnetlink, applier);
                }
                case "errors" -> {
                    System.out.println("=== probe-errors");
                    attempt(() -> rtnetlink.setMtu("nosuch0", 1500));
                    attempt(() -> rtnetlink.setMtu(INTERFACE, 70_000));
                    attempt(() -> rtnetlink.addDefaultRoute(INTERFACE, ip("203.0.113.1"), 10, false));
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static void report(String phase, Rtnetlink rtnetlink, IpSettingsApplier applier) throws IOException {
        System.out.println("=== probe-" + phase);
        Rtnetlink.LinkState link = rtnetlink.link(INTERFACE);
        System.out.println("LINK " + link.name() + " up=" + link.up() + " mtu=" + link.mtu());
        for (Rtnetlink.AddressEntry address : rtnetlink.addresses(INTERFACE)) {
            if (!address.address().isLinkLocalAddress()) {
                System.out.println("ADDR " + address.address().getHostAddress() + "/" + address.prefix());
            }
        }
        for (Rtnetlink.RouteEntry route : rtnetlink.routes(INTERFACE)) {
            if (route.isDefault()) {
                System.out.println("DEFAULT via " + route.gateway().getHostAddress() + " metric " + route.metric()
                        + " proto " + route.protocol() + " table " + route.table());
            }
        }
        Path resolv = applier.resolvFile(INTERFACE);
        System.out.println("RESOLV " + (Files.exists(resolv)
                ? String.join("|", Files.readAllLines(resolv)) : "(absent)"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void attempt(Action action) {
        try {
            action.run();
            System.out.println("NO ERROR");
        } catch (Exception e) {
            System.out.println("ERROR " + e.getMessage());
        }
    }

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }
}
