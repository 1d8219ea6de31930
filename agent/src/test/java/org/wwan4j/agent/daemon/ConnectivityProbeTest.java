package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.policy.Prober;
import org.wwan4j.agent.testing.ScriptedModem;

class ConnectivityProbeTest {

    private final BearerSettings settings = new BearerSettings(ScriptedModem.IPV4, null);
    private final List<String> ran = new ArrayList<>();

    private Prober step(String name, Optional<String> result) {
        return (iface, source) -> {
            ran.add(name + "@" + iface + "/" + source.getHostAddress());
            return result;
        };
    }

    @Test
    void firstSuccessWinsAndLaterStepsDoNotRun() {
        ConnectivityProbe probe = new ConnectivityProbe(Runnable::run, (p, s) -> List.of(
                step("dns", Optional.of("dns 10.0.0.53: no reply")), step("icmp", Optional.empty()),
                step("never", Optional.empty())));
        assertEquals(Optional.empty(), probe.probe("wwan0", settings, ProbeConfig.DEFAULT).join());
        assertEquals(List.of("dns@wwan0/10.1.2.3", "icmp@wwan0/10.1.2.3"), ran);
    }

    @Test
    void allFailuresAreJoined() {
        ConnectivityProbe probe = new ConnectivityProbe(Runnable::run, (p, s) -> List.of(
                step("a", Optional.of("dns: no reply")), step("b", Optional.of("ping 8.8.8.8: no reply (exit 1)"))));
        assertEquals(Optional.of("dns: no reply; ping 8.8.8.8: no reply (exit 1)"),
                probe.probe("wwan0", settings, ProbeConfig.DEFAULT).join());
    }

    @Test
    void notConnectedIsAnErrorWithoutProbing() {
        ConnectivityProbe probe = new ConnectivityProbe(Runnable::run, (p, s) -> List.of(step("x", Optional.empty())));
        assertEquals(Optional.of(ConnectivityProbe.NOT_CONNECTED), probe.probe(null, null, ProbeConfig.DEFAULT).join());
        assertEquals(List.of(), ran);
    }
}
