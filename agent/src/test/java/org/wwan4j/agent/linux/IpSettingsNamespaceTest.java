package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies and removes IP settings for real, with netlink, inside a private network namespace ({@code unshare -n}):
 * a veth pair stands in for the modem's {@code wwan0} (this kernel has no dummy links). The host's own network is
 * never touched: every change happens in the child process's namespace, which vanishes when it exits. Needs
 * root (CAP_SYS_ADMIN for unshare, CAP_NET_ADMIN inside); skipped with a message otherwise.
 */
@Timeout(120)
class IpSettingsNamespaceTest {

    private static final long RUN_TIMEOUT_SECONDS = 90;

    @TempDir
    static Path dir;

    private static Map<String, String> sections;

    @BeforeAll
    static void runInsideANamespace() throws Exception {
        assumeTrue(isRoot(), "IpSettingsNamespaceTest skipped: needs root to create a network namespace");
        assumeTrue(canUnshareNetwork(), "IpSettingsNamespaceTest skipped: unshare -n is missing or not permitted here");
        String java = ProcessHandle.current().info().command().orElse("java");
        String probe = "'" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp '"
                + System.getProperty("java.class.path") + "' " + NetnsProbe.class.getName();
        Path resolvDir = dir.resolve("resolv.conf");
        String script = String.join("\n",
                "set -e",
                "ip link add wwan0 type veth peer name wwan0p",
                "ip link set wwan0p up",
                probe + " apply '" + resolvDir + "'",
                "echo '=== ip-addr'; ip -j addr show dev wwan0",
                "echo '=== ip-route4'; ip -j -4 route show dev wwan0 table main",
                "echo '=== ip-route6'; ip -j -6 route show dev wwan0 table main",
                "echo '=== ip-link'; ip -j link show dev wwan0",
                probe + " errors '" + resolvDir + "'",
                probe + " p2p '" + resolvDir + "'",
                "echo '=== ip-route4-p2p'; ip -j -4 route show dev wwan0 table main",
                probe + " remove '" + resolvDir + "'",
                "echo '=== ip-addr-after'; ip -j addr show dev wwan0",
                "echo '=== ip-route4-after'; ip -j -4 route show dev wwan0 table main",
                "echo '=== ip-link-after'; ip -j link show dev wwan0");
        Result result = run(List.of("unshare", "-n", "sh", "-c", script));
        assertEquals(0, result.exitCode, () -> "namespace script failed:\n" + result.output);
        sections = split(result.output);
    }

    @Test
    void readBackShowsTheConvergedSettings() {
        assertEquals(String.join("\n",
                "LINK wwan0 up=true mtu=1430",
                "ADDR 10.64.64.14/30",
                "ADDR 2001:db8:64:0:0:0:0:10/64",
                "DEFAULT via 10.64.64.13 metric 300 proto 4 table 254",
                "DEFAULT via 2001:db8:64:0:0:0:0:1 metric 300 proto 4 table 254",
                "RESOLV nameserver 192.0.2.53|nameserver 192.0.2.54|nameserver 2001:db8:0:0:0:0:0:53"),
                sections.get("probe-apply"));
    }

    @Test
    void iproute2SeesTheSameAddressesRoutesAndLink() throws IOException {
        Map<String, Object> link = first(sections.get("ip-addr"));
        assertEquals(1430, link.get("mtu"));
        assertTrue(((List<?>) link.get("flags")).contains("UP"), link::toString);
        List<String> addresses = ((List<?>) link.get("addr_info")).stream()
                .map(a -> (Map<?, ?>) a)
                .filter(a -> !"link".equals(a.get("scope")))
                .map(a -> a.get("local") + "/" + a.get("prefixlen"))
                .toList();
        assertEquals(List.of("10.64.64.14/30", "2001:db8:64::10/64"), addresses);
        Map<String, Object> v4 = defaultRoute(sections.get("ip-route4"));
        assertEquals("10.64.64.13", v4.get("gateway"));
        assertEquals(300, v4.get("metric"));
        assertEquals("static", v4.get("protocol"));
        Map<String, Object> v6 = defaultRoute(sections.get("ip-route6"));
        assertEquals("2001:db8:64::1", v6.get("gateway"));
        assertEquals(300, v6.get("metric"));
        assertEquals(1, countDefaults(sections.get("ip-route4")), "the old default route was not replaced");
    }

    @Test
    void refusalsNameTheOperationTheInterfaceAndTheReason() {
        assertEquals(String.join("\n",
                "ERROR look up on nosuch0: No such device (errno 19)",
                "ERROR set MTU 70000 on wwan0: Invalid argument (errno 22)",
                "ERROR add default route via 203.0.113.1 metric 10 on wwan0: Network is unreachable (errno 101)"),
                sections.get("probe-errors"));
    }

    @Test
    void aSlash32AddressGetsAnOnlinkDefaultRouteAndReplacesEverythingBefore() throws IOException {
        assertEquals(String.join("\n",
                "LINK wwan0 up=true mtu=1500",
                "ADDR 100.64.1.7/32",
                "DEFAULT via 100.64.1.1 metric 50 proto 4 table 254",
                "RESOLV nameserver 192.0.2.53"),
                sections.get("probe-p2p"));
        Map<String, Object> route = defaultRoute(sections.get("ip-route4-p2p"));
        assertEquals("100.64.1.1", route.get("gateway"));
        assertTrue(((List<?>) route.get("flags")).contains("onlink"), route::toString);
    }

    @Test
    void removeFlushesAddressesTakesTheLinkDownAndDeletesTheResolvFile() throws IOException {
        assertEquals(String.join("\n", "LINK wwan0 up=false mtu=1500", "RESOLV (absent)"), sections.get("probe-remove"));
        Map<String, Object> link = first(sections.get("ip-addr-after"));
        assertEquals(List.of(), link.get("addr_info"));
        assertTrue(!((List<?>) first(sections.get("ip-link-after")).get("flags")).contains("UP"));
        assertEquals(0, countDefaults(sections.get("ip-route4-after")));
    }

    private static Map<String, Object> defaultRoute(String json) throws IOException {
        return routes(json).stream().filter(r -> "default".equals(r.get("dst"))).findFirst()
                .orElseThrow(() -> new AssertionError("no default route in " + json));
    }

    private static long countDefaults(String json) throws IOException {
        return routes(json).stream().filter(r -> "default".equals(r.get("dst"))).count();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> routes(String json) throws IOException {
        return (List<Map<String, Object>>) (List<?>) JSON.std.listFrom(json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(String json) throws IOException {
        return (Map<String, Object>) JSON.std.listFrom(json).getFirst();
    }

    private static Map<String, String> split(String output) {
        Map<String, String> result = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.startsWith("=== ")) {
                if (current != null) {
                    result.put(current, body.toString().strip());
                }
                current = line.substring(4).strip();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            result.put(current, body.toString().strip());
        }
        return result;
    }

    private static boolean canUnshareNetwork() {
        try {
            return run(List.of("unshare", "-n", "true")).exitCode == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Read on another thread so a chatty child can never block us past the timeout.
        var output = new java.io.ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException ignored) {
                // the process died; what was read is what we report
            }
        });
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5000);
        return new Result(process.isAlive() ? -1 : process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
