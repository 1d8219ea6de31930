package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.EmulatedCounters;

/** WDS: connect with credentials, status, settings, statistics, profiles, disconnect, and the status indication. */
@Timeout(120)
class QmiWdsApiTest extends EmulatorFixture {

    @Override
    protected EmulatorOptions emulatorOptions() {
        return EmulatorOptions.defaults().withTickInterval(Duration.ofHours(1)); // counters stay put while we compare
    }

    static long ipv4(String dotted) {
        long value = 0;
        for (String part : dotted.split("\\.")) {
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    private ClientWds.StartNetworkInput corpApn() {
        return new ClientWds.StartNetworkInput().apn("private.corp")
                .authenticationPreference(EnumSet.of(WdsAuthentication.CHAP))
                .username("corp").password("s3cret")
                .ipFamilyPreference(WdsIpFamily.IPV4);
    }

    @Test
    void startNetworkWithCredentialsConnectsAndStopNetworkDisconnects() throws InterruptedException {
        ClientWds wds = Await.result(device.wds());
        LinkedBlockingQueue<ClientWds.PacketServiceStatusIndication> status = new LinkedBlockingQueue<>();
        try (QmiSubscription s = wds.onPacketServiceStatus(status::add)) {
            ClientWds.StartNetworkOutput started = Await.result(wds.startNetwork(corpApn()));
            assertNotNull(started.packetDataHandle());
            EmulatedBearer bearer = modem.state().bearer();
            assertTrue(bearer.connected());
            assertEquals("private.corp", bearer.apn());
            assertEquals(WdsConnectionStatus.CONNECTED,
                    status.poll(30, TimeUnit.SECONDS).connectionStatus().status().constant());
            assertEquals(WdsConnectionStatus.CONNECTED,
                    Await.result(wds.getPacketServiceStatus()).connectionStatus().constant());

            ClientWds.GetCurrentSettingsOutput settings = Await.result(wds.getCurrentSettings(
                    new ClientWds.GetCurrentSettingsInput().requestedSettings(EnumSet.of(WdsRequestedSettings.IP_ADDRESS,
                            WdsRequestedSettings.GATEWAY_INFO, WdsRequestedSettings.DNS_ADDRESS, WdsRequestedSettings.MTU,
                            WdsRequestedSettings.IP_FAMILY))));
            assertEquals(ipv4(bearer.ipv4().address()), settings.ipv4Address());
            assertEquals(ipv4(bearer.ipv4().gateway()), settings.ipv4GatewayAddress());
            assertEquals(ipv4(bearer.ipv4().dns().get(0)), settings.primaryIpv4DnsAddress());

            Await.result(wds.stopNetwork(new ClientWds.StopNetworkInput().packetDataHandle(started.packetDataHandle())));
            assertFalse(modem.state().bearer().connected());
            assertEquals(WdsConnectionStatus.DISCONNECTED,
                    status.poll(30, TimeUnit.SECONDS).connectionStatus().status().constant());
        }
    }

    @Test
    void packetStatisticsEqualTheEmulatorsCounters() {
        ClientWds wds = Await.result(device.wds());
        Await.result(wds.startNetwork(corpApn()));
        modem.state().tick(); // one tick of traffic
        EmulatedCounters counters = modem.state().counters();
        ClientWds.GetPacketStatisticsOutput stats = Await.result(wds.getPacketStatistics(
                new ClientWds.GetPacketStatisticsInput().mask(EnumSet.allOf(WdsPacketStatisticsMaskFlag.class))));
        assertEquals(counters.txBytes(), stats.txBytesOk());
        assertEquals(counters.rxBytes(), stats.rxBytesOk());
        assertEquals(counters.txPackets(), stats.txPacketsOk());
        assertEquals(counters.rxPackets(), stats.rxPacketsOk());
        assertEquals(counters.rxDrops(), stats.rxPacketsDropped());
    }

    @Test
    void modifyProfileChangesTheStoredApn() {
        ClientWds wds = Await.result(device.wds());
        Await.result(wds.modifyProfile(new ClientWds.ModifyProfileInput()
                .profileIdentifier(WdsProfileType._3GPP, 1).apnName("changed.apn")));
        assertEquals("changed.apn", modem.state().profile(1).orElseThrow().apn());
    }

    @Test
    void wrongCredentialsFailWithAProtocolError() {
        ClientWds wds = Await.result(device.wds());
        Throwable failure = Await.failure(wds.startNetwork(new ClientWds.StartNetworkInput().apn("private.corp")
                .authenticationPreference(EnumSet.of(WdsAuthentication.CHAP)).username("corp").password("wrong")));
        assertTrue(failure instanceof QmiProtocolException, failure::toString);
        assertFalse(modem.state().bearer().connected());
        assertFalse(failure.getMessage().contains("wrong"), "the password must not leak into messages");
    }
}
