package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.linux.IpAssignment;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.status.IpSettings;

class LinuxIpConfiguratorTest {

    @Test
    void eachConnectedFamilyBecomesOneAssignment() {
        List<IpAssignment> out = LinuxIpConfigurator.assignments(new BearerSettings(
                new IpSettings("10.1.2.3", 30, "10.1.2.1", List.of("10.0.0.53"), 1430),
                new IpSettings("2001:db8::2", null, null, List.of(), null)));
        assertEquals(2, out.size());
        assertEquals(InetAddress.ofLiteral("10.1.2.3"), out.get(0).address());
        assertEquals(30, out.get(0).prefix());
        assertEquals(1430, out.get(0).networkMtu());
        assertEquals(List.of(InetAddress.ofLiteral("10.0.0.53")), out.get(0).dns());
        assertEquals(128, out.get(1).prefix());
        assertEquals(0, out.get(1).networkMtu());
    }
}
