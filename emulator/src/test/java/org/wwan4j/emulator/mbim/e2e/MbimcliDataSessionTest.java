package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.EmulatedIpType;

/** Attach, connect with credentials, IP settings, counters and disconnect, driven by mbimcli 1.28. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliDataSessionTest {
    private static final String CONNECT_INTERNET =
            "--connect=access-string=internet,auth=pap,username=u,password=p,ip-type=ipv4";

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void connectQueryAndDisconnectInOneKeptSession() throws Exception {
        Mbimcli.Result connected = mbimcli.ok(CONNECT_INTERNET, "--no-close");
        assertEquals("activated", connected.field("Activation state"));
        assertEquals("ipv4", connected.field("IP type"));
        assertEquals("internet", connected.field("Context type"));
        EmulatedBearer bearer = emulator.state().bearer();
        assertTrue(bearer.connected());
        assertEquals("internet", bearer.apn());
        assertEquals(EmulatedIpType.IPV4, bearer.ipType());

        Mbimcli.Result query = mbimcli.ok("--query-connection-state", "--no-open=" + Mbimcli.nextTransactionId(connected),
                "--no-close");
        assertEquals("activated", query.field("Activation state"));

        Mbimcli.Result ip = mbimcli.ok("--query-ip-configuration", "--no-open=" + Mbimcli.nextTransactionId(query),
                "--no-close");
        assertTrue(ip.stdout().contains("IP [0]: '" + bearer.ipv4().address() + "/" + bearer.ipv4().prefix() + "'"),
                ip.all());
        assertEquals(bearer.ipv4().gateway(), ip.field("Gateway"));
        assertEquals(bearer.ipv4().dns().get(0), ip.field("DNS [0]"));
        assertEquals(bearer.ipv4().dns().get(1), ip.field("DNS [1]"));
        assertEquals(String.valueOf(bearer.mtu()), ip.field("MTU"));

        Mbimcli.Result down = mbimcli.ok("--disconnect", "--no-open=" + Mbimcli.nextTransactionId(ip));
        assertTrue(down.stdout().contains("Successfully disconnected"), down.all());
        assertEquals("deactivated", down.field("Activation state"));
        assertFalse(emulator.state().bearer().connected());
    }

    @Test
    void theSessionSurvivesCloseOfTheControlChannel() throws Exception {
        mbimcli.ok(CONNECT_INTERNET); // opens, connects, closes
        assertTrue(emulator.state().bearer().connected());
        assertEquals("activated", mbimcli.ok("--query-connection-state").field("Activation state"));
    }

    @Test
    void dualStackConnectReportsBothFamilies() throws Exception {
        mbimcli.ok("--connect=access-string=internet,ip-type=ipv4v6");
        assertEquals(EmulatedIpType.IPV4V6, emulator.state().bearer().ipType());
        Mbimcli.Result ip = mbimcli.ok("--query-ip-configuration");
        assertTrue(ip.stdout().contains("IP [0]: '" + emulator.state().bearer().ipv6().address() + "/64'"), ip.all());
        assertEquals("address, gateway, dns, mtu", ip.field("IPv6 configuration available"));
    }

    @Test
    void credentialsAreCheckedAgainstTheNetwork() throws Exception {
        Mbimcli.Result wrong = Mbimcli.run(emulator.path(),
                "--connect=access-string=private.corp,auth=chap,username=corp,password=wrong");
        assertNotEquals(0, wrong.exitCode());
        assertTrue(wrong.stderr().contains("InvalidUserNamePwd"), wrong.all());
        assertFalse(emulator.state().bearer().connected());

        Mbimcli.Result right = mbimcli.ok("--connect=access-string=private.corp,auth=chap,username=corp,password=s3cret");
        assertEquals("activated", right.field("Activation state"));
        assertEquals("private.corp", emulator.state().bearer().apn());
    }

    @Test
    void unknownApnIsAnInvalidAccessString() throws Exception {
        Mbimcli.Result unknown = mbimcli.run("--connect=access-string=nowhere");
        assertTrue(unknown.stderr().contains("InvalidAccessString"), unknown.all());
    }

    @Test
    void ipConfigurationWithoutASessionIsContextNotActivated() throws Exception {
        Mbimcli.Result none = mbimcli.run("--query-ip-configuration");
        assertTrue(none.stderr().contains("ContextNotActivated"), none.all());
    }

    @Test
    void detachDropsTheSessionAndBlocksConnectUntilAttach() throws Exception {
        mbimcli.ok(CONNECT_INTERNET);
        Mbimcli.Result detached = mbimcli.ok("--detach-packet-service");
        assertEquals("detached", detached.field("Packet service state"));
        assertFalse(emulator.state().bearer().connected());
        assertEquals("detached", mbimcli.ok("--query-packet-service-state").field("Packet service state"));

        Mbimcli.Result refused = mbimcli.run(CONNECT_INTERNET);
        assertTrue(refused.stderr().contains("PacketServiceDetached"), refused.all());

        assertEquals("attached", mbimcli.ok("--attach-packet-service").field("Packet service state"));
        assertEquals("activated", mbimcli.ok(CONNECT_INTERNET).field("Activation state"));
    }

    @Test
    void packetStatisticsGrowWhileConnected() throws Exception {
        mbimcli.ok(CONNECT_INTERNET);
        emulator.state().tick();
        emulator.state().tick();
        EmulatedCounters counters = emulator.state().counters();
        Mbimcli.Result statistics = mbimcli.ok("--query-packet-statistics");
        assertEquals(String.valueOf(counters.rxBytes()), statistics.field("Octets (in)"));
        assertEquals(String.valueOf(counters.rxPackets()), statistics.field("Packets (in)"));
        assertEquals(String.valueOf(counters.rxDrops()), statistics.field("Discards (in)"));
        assertEquals(String.valueOf(counters.txBytes()), statistics.field("Octets (out)"));
        assertEquals(String.valueOf(counters.txPackets()), statistics.field("Packets (out)"));
        long before = Long.parseLong(statistics.field("Octets (in)"));
        emulator.state().tick();
        assertTrue(Long.parseLong(mbimcli.ok("--query-packet-statistics").field("Octets (in)")) > before);
    }

    @Test
    void connectWithTheRadioOffIsRadioPowerOff() throws Exception {
        mbimcli.ok("--set-radio-state=off");
        Mbimcli.Result refused = mbimcli.run(CONNECT_INTERNET);
        assertTrue(refused.stderr().contains("RadioPowerOff"), refused.all());
    }
}
