package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpSettingsApplierTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void theMtuIsTheUsersElseTheNetworksElse1500() throws Exception {
        List<IpAssignment> withNetworkMtu = List.of(new IpAssignment(ip("10.0.0.2"), 30, null, List.of(), 1430));
        List<IpAssignment> without = List.of(new IpAssignment(ip("10.0.0.2"), 30, null, List.of(), 0));
        assertEquals(1280, IpSettingsApplier.effectiveMtu(1280, withNetworkMtu));
        assertEquals(1430, IpSettingsApplier.effectiveMtu(0, withNetworkMtu));
        assertEquals(1500, IpSettingsApplier.effectiveMtu(0, without));
    }

    @Test
    void atMostThreeDistinctNameservers() throws Exception {
        List<IpAssignment> assignments = List.of(
                new IpAssignment(ip("10.0.0.2"), 30, ip("10.0.0.1"), List.of(ip("192.0.2.1"), ip("192.0.2.2")), 0),
                new IpAssignment(ip("2001:db8::2"), 64, null, List.of(ip("192.0.2.2"), ip("2001:db8::53"), ip("2001:db8::54")), 0));
        assertEquals("nameserver 192.0.2.1\nnameserver 192.0.2.2\nnameserver 2001:db8:0:0:0:0:0:53\n",
                IpSettingsApplier.resolvContent(assignments));
        assertEquals("", IpSettingsApplier.resolvContent(List.of()));
    }

    @Test
    void anAssignmentRejectsImpossiblePrefixesAndMixedFamilies() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new IpAssignment(ip("10.0.0.2"), 33, null, List.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new IpAssignment(ip("10.0.0.2"), 30, ip("2001:db8::1"), List.of(), 0));
    }

    @Test
    void aGatewayOutsideTheAddressPrefixNeedsAnOnlinkRoute() throws Exception {
        assertEquals(true, IpSettingsApplier.coversGateway(new IpAssignment(ip("10.64.64.10"), 30, ip("10.64.64.9"), List.of(), 0)));
        assertEquals(false, IpSettingsApplier.coversGateway(new IpAssignment(ip("10.64.64.10"), 30, ip("10.64.64.13"), List.of(), 0)));
        assertEquals(false, IpSettingsApplier.coversGateway(new IpAssignment(ip("100.64.1.7"), 32, ip("100.64.1.1"), List.of(), 0)));
        assertEquals(true, IpSettingsApplier.coversGateway(new IpAssignment(ip("2001:db8:64::10"), 64, ip("2001:db8:64::1"), List.of(), 0)));
        assertEquals(true, IpSettingsApplier.coversGateway(new IpAssignment(ip("100.64.1.7"), 0, ip("192.0.2.1"), List.of(), 0)));
    }
}
