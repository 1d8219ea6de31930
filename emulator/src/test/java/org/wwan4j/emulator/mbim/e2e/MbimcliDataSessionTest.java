package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.Protocol;
import org.wwan4j.emulator.model.Bearer;
import org.wwan4j.emulator.model.Counters;
import org.wwan4j.emulator.model.IpType;
import org.wwan4j.emulator.model.ModemState;

/** Attach, connect with credentials, IP settings, counters and disconnect, driven by mbimcli 1.28. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliDataSessionTest {
    private static final String CONNECT_INTERNET =
            "--connect=access-string=internet,auth=pap,username=u,password=p,ip-type=ipv4";

    private EmulatedModem modem;
    private ModemState state;

    @BeforeEach
    void start() {
        modem = EmulatedModem.start(Protocol.MBIM);
        state = modem.state();
    }

    @AfterEach
    void stop() {
        modem.close();
    }

    private Mbimcli.Result mbimcli(String... arguments) throws Exception {
        return Mbimcli.run(modem.path(), arguments).assertSuccess();
    }

    /** mbimcli prints the transaction id to continue a session it left open. */
    private static String nextTransactionId(Mbimcli.Result result) {
        Matcher matcher = Pattern.compile("TRID: '(\\d+)'").matcher(result.stdout());
        assertTrue(matcher.find(), result.all());
        return matcher.group(1);
    }

    @Test
    void connectQueryAndDisconnectInOneKeptSession() throws Exception {
        Mbimcli.Result connected = mbimcli(CONNECT_INTERNET, "--no-close");
        assertEquals("activated", connected.field("Activation state"));
        assertEquals("ipv4", connected.field("IP type"));
        assertEquals("internet", connected.field("Context type"));
        Bearer bearer = state.bearer();
        assertTrue(bearer.connected());
        assertEquals("internet", bearer.apn());
        assertEquals(IpType.IPV4, bearer.ipType());

        Mbimcli.Result query = mbimcli("--query-connection-state", "--no-open=" + nextTransactionId(connected),
                "--no-close");
        assertEquals("activated", query.field("Activation state"));

        Mbimcli.Result ip = mbimcli("--query-ip-configuration", "--no-open=" + nextTransactionId(query), "--no-close");
        assertTrue(ip.stdout().contains("IP [0]: '" + bearer.ipv4().address() + "/" + bearer.ipv4().prefix() + "'"),
                ip.all());
        assertEquals(bearer.ipv4().gateway(), ip.field("Gateway"));
        assertEquals(bearer.ipv4().dns().get(0), ip.field("DNS [0]"));
        assertEquals(bearer.ipv4().dns().get(1), ip.field("DNS [1]"));
        assertEquals(String.valueOf(bearer.mtu()), ip.field("MTU"));

        Mbimcli.Result down = mbimcli("--disconnect", "--no-open=" + nextTransactionId(ip));
        assertTrue(down.stdout().contains("Successfully disconnected"), down.all());
        assertEquals("deactivated", down.field("Activation state"));
        assertFalse(state.bearer().connected());
    }

    @Test
    void theSessionSurvivesCloseOfTheControlChannel() throws Exception {
        mbimcli(CONNECT_INTERNET); // opens, connects, closes
        assertTrue(state.bearer().connected());
        assertEquals("activated", mbimcli("--query-connection-state").field("Activation state"));
    }

    @Test
    void dualStackConnectReportsBothFamilies() throws Exception {
        mbimcli("--connect=access-string=internet,ip-type=ipv4v6");
        assertEquals(IpType.IPV4V6, state.bearer().ipType());
        Mbimcli.Result ip = mbimcli("--query-ip-configuration");
        assertTrue(ip.stdout().contains("IP [0]: '" + state.bearer().ipv6().address() + "/64'"), ip.all());
        assertEquals("address, gateway, dns, mtu", ip.field("IPv6 configuration available"));
    }

    @Test
    void credentialsAreCheckedAgainstTheNetwork() throws Exception {
        Mbimcli.Result wrong = Mbimcli.run(modem.path(),
                "--connect=access-string=private.corp,auth=chap,username=corp,password=wrong");
        assertNotEquals(0, wrong.exitCode());
        assertTrue(wrong.stderr().contains("InvalidUserNamePwd"), wrong.all());
        assertFalse(state.bearer().connected());

        Mbimcli.Result right = mbimcli("--connect=access-string=private.corp,auth=chap,username=corp,password=s3cret");
        assertEquals("activated", right.field("Activation state"));
        assertEquals("private.corp", state.bearer().apn());
    }

    @Test
    void unknownApnIsAnInvalidAccessString() throws Exception {
        Mbimcli.Result unknown = Mbimcli.run(modem.path(), "--connect=access-string=nowhere");
        assertTrue(unknown.stderr().contains("InvalidAccessString"), unknown.all());
    }

    @Test
    void ipConfigurationWithoutASessionIsContextNotActivated() throws Exception {
        Mbimcli.Result none = Mbimcli.run(modem.path(), "--query-ip-configuration");
        assertTrue(none.stderr().contains("ContextNotActivated"), none.all());
    }

    @Test
    void detachDropsTheSessionAndBlocksConnectUntilAttach() throws Exception {
        mbimcli(CONNECT_INTERNET);
        Mbimcli.Result detached = mbimcli("--detach-packet-service");
        assertEquals("detached", detached.field("Packet service state"));
        assertFalse(state.bearer().connected());
        assertEquals("detached", mbimcli("--query-packet-service-state").field("Packet service state"));

        Mbimcli.Result refused = Mbimcli.run(modem.path(), CONNECT_INTERNET);
        assertTrue(refused.stderr().contains("PacketServiceDetached"), refused.all());

        assertEquals("attached", mbimcli("--attach-packet-service").field("Packet service state"));
        assertEquals("activated", mbimcli(CONNECT_INTERNET).field("Activation state"));
    }

    @Test
    void packetStatisticsGrowWhileConnected() throws Exception {
        mbimcli(CONNECT_INTERNET);
        state.tick();
        state.tick();
        Counters counters = state.counters();
        Mbimcli.Result statistics = mbimcli("--query-packet-statistics");
        assertEquals(String.valueOf(counters.rxBytes()), statistics.field("Octets (in)"));
        assertEquals(String.valueOf(counters.rxPackets()), statistics.field("Packets (in)"));
        assertEquals(String.valueOf(counters.rxDrops()), statistics.field("Discards (in)"));
        assertEquals(String.valueOf(counters.txBytes()), statistics.field("Octets (out)"));
        assertEquals(String.valueOf(counters.txPackets()), statistics.field("Packets (out)"));
        long before = Long.parseLong(statistics.field("Octets (in)"));
        state.tick();
        assertTrue(Long.parseLong(mbimcli("--query-packet-statistics").field("Octets (in)")) > before);
    }

    @Test
    void connectWithTheRadioOffIsRadioPowerOff() throws Exception {
        mbimcli("--set-radio-state=off");
        Mbimcli.Result refused = Mbimcli.run(modem.path(), CONNECT_INTERNET);
        assertTrue(refused.stderr().contains("RadioPowerOff"), refused.all());
    }
}
