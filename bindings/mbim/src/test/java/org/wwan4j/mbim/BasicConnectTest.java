package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.mbim.EmulatedMbim.await;

import java.net.InetAddress;
import java.util.List;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.glib.FlagSet;
import org.wwan4j.emulator.model.ModemDefaults;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.SimSlot;

/** Every Basic Connect request the agent needs, against the emulator's state, through the real libmbim. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasicConnectTest {

    /** MBIM_CONTEXT_TYPE_INTERNET's UUID (7E5E2A7E-4E6F-7272-736B-656E7E5E2A7E). */
    static final UUID INTERNET = UUID.fromString("7e5e2a7e-4e6f-7272-736b-656e7e5e2a7e");

    private EmulatedMbim mbim;
    private BasicConnect basic;

    @BeforeAll
    void open() {
        mbim = EmulatedMbim.start();
        basic = mbim.basic;
    }

    @AfterAll
    void close() {
        mbim.close();
    }

    @BeforeEach
    void freshModem() {
        mbim.modem.state().reset();
    }

    @Test
    void deviceCapsCarryImeiFirmwareAndHardware() {
        EmulatedIdentity identity = mbim.modem.state().identity();
        BasicConnect.DeviceCapsResponse caps = await(basic.queryDeviceCaps());
        assertEquals(identity.imei(), caps.deviceId());
        assertEquals(identity.revision(), caps.firmwareInfo());
        assertEquals(identity.hardwareRevision(), caps.hardwareInfo());
        assertTrue(caps.deviceType().isKnown());
        assertTrue(caps.maxSessions() >= 1);
    }

    @Test
    void subscriberReadyStatusCarriesIccidAndImsi() {
        SimSlot active = mbim.modem.state().activeCard().orElseThrow();
        BasicConnect.SubscriberReadyStatusResponse status = await(basic.querySubscriberReadyStatus());
        assertEquals(SubscriberReadyState.INITIALIZED, status.readyState().constant());
        assertEquals(active.iccid(), status.simIccId());
        assertEquals(active.imsi(), status.subscriberId());
    }

    @Test
    void subscriberReadyStatusNotificationFollowsSimRemoval() throws Exception {
        Inbox<BasicConnect.SubscriberReadyStatusResponse> inbox = new Inbox<>();
        try (MbimSubscription subscription = basic.onSubscriberReadyStatus(inbox)) {
            mbim.modem.state().setActiveCardPresent(false);
            inbox.awaitMatching(s -> s.readyState().is(SubscriberReadyState.SIM_NOT_INSERTED));
            assertEquals(SubscriberReadyState.SIM_NOT_INSERTED,
                    await(basic.querySubscriberReadyStatus()).readyState().constant());
        }
    }

    @Test
    void radioStateQueryAndSetOffAndOn() {
        assertEquals(RadioSwitchState.ON, await(basic.queryRadioState()).swRadioState().constant());
        BasicConnect.RadioStateResponse off = await(basic.setRadioState(RadioSwitchState.OFF));
        assertEquals(RadioSwitchState.OFF, off.swRadioState().constant());
        assertEquals(PowerState.LOW_POWER, mbim.modem.state().power());
        BasicConnect.RadioStateResponse on = await(basic.setRadioState(RadioSwitchState.ON));
        assertEquals(RadioSwitchState.ON, on.swRadioState().constant());
        assertEquals(PowerState.ONLINE, mbim.modem.state().power());
    }

    @Test
    void pinStateIsUnlocked() {
        BasicConnect.PinResponse pin = await(basic.queryPin());
        assertEquals(PinState.UNLOCKED, pin.pinState().constant());
    }

    @Test
    void homeProviderKeepsTheLeadingZeroOfTheMnc() {
        Provider home = await(basic.queryHomeProvider()).provider();
        assertEquals(ModemDefaults.HOME_MCC + ModemDefaults.HOME_MNC, home.providerId());
        assertEquals(ModemDefaults.HOME_OPERATOR, home.providerName());
    }

    @Test
    void registerStateHome() {
        EmulatedRegistration registration = mbim.modem.state().registration();
        BasicConnect.RegisterStateResponse state = await(basic.queryRegisterState());
        assertEquals(RegisterState.HOME, state.registerState().constant());
        assertEquals(registration.mcc() + registration.mnc(), state.providerId());
        assertEquals("26207", state.providerId(), "a 2-digit MNC keeps its leading zero");
        assertEquals(registration.operatorName(), state.providerName());
    }

    @Test
    void registerStateRoamingSearchingAndDenied() {
        EmulatedRegistration home = mbim.modem.state().registration();
        mbim.modem.state().setNetworkRegistration(new EmulatedRegistration(EmulatedRegistrationState.ROAMING, "208",
                "01",
                "Emu Roam", home.rats(), home.lac(), home.tac(), home.cellId()));
        BasicConnect.RegisterStateResponse roaming = await(basic.queryRegisterState());
        assertEquals(RegisterState.ROAMING, roaming.registerState().constant());
        assertEquals("20801", roaming.providerId());
        mbim.modem.state().setNetworkRegistration(EmulatedRegistration.none(EmulatedRegistrationState.SEARCHING));
        assertEquals(RegisterState.SEARCHING, await(basic.queryRegisterState()).registerState().constant());
        mbim.modem.state().setNetworkRegistration(EmulatedRegistration.none(EmulatedRegistrationState.DENIED));
        assertEquals(RegisterState.DENIED, await(basic.queryRegisterState()).registerState().constant());
    }

    @Test
    void registerStateNotificationFollowsNetworkLoss() {
        Inbox<BasicConnect.RegisterStateResponse> inbox = new Inbox<>();
        try (MbimSubscription subscription = basic.onRegisterState(inbox)) {
            mbim.modem.state().setCoverage(false);
            inbox.awaitMatching(s -> s.registerState().is(RegisterState.SEARCHING));
            mbim.modem.state().setCoverage(true);
            BasicConnect.RegisterStateResponse back = inbox.awaitMatching(s -> s.registerState().is(RegisterState.HOME));
            assertEquals("26207", back.providerId());
        }
    }

    @Test
    void visibleProvidersIncludeRoamingAndForbidden() {
        List<Provider> providers = await(basic.queryVisibleProviders(VisibleProvidersAction.FULL_SCAN)).providers();
        List<org.wwan4j.emulator.model.EmulatedProvider> expected = mbim.modem.state().providers();
        assertEquals(expected.size(), providers.size());
        for (org.wwan4j.emulator.model.EmulatedProvider want : expected) {
            Provider got = providers.stream().filter(p -> p.providerId().equals(want.mcc() + want.mnc()))
                    .findFirst().orElseThrow(() -> new AssertionError("missing " + want));
            assertEquals(want.name(), got.providerName());
            FlagSet<ProviderState> state = ProviderState.fromValue(got.providerState());
            assertEquals(want.status() == org.wwan4j.emulator.model.EmulatedProviderStatus.FORBIDDEN,
                    state.contains(ProviderState.FORBIDDEN), want.name());
        }
        assertTrue(providers.stream().anyMatch(p -> p.providerId().equals("20801")), "the roaming network");
    }

    @Test
    void signalStateAndItsNotification() {
        int dbm = mbim.modem.state().signal().rssi();
        assertEquals((dbm + 113) / 2, await(basic.querySignalState()).rssi());
        Inbox<BasicConnect.SignalStateResponse> inbox = new Inbox<>();
        try (MbimSubscription subscription = basic.onSignalState(inbox)) {
            mbim.modem.state().setSignal(new org.wwan4j.emulator.model.EmulatedSignal(-85, -11, -105, 3.0));
            inbox.awaitMatching(s -> s.rssi() == (-85 + 113) / 2);
        }
    }

    @Test
    void packetServiceDetachAndAttachWithNotifications() {
        assertEquals(PacketServiceState.ATTACHED, await(basic.queryPacketService()).packetServiceState().constant());
        Inbox<BasicConnect.PacketServiceResponse> inbox = new Inbox<>();
        try (MbimSubscription subscription = basic.onPacketService(inbox)) {
            BasicConnect.PacketServiceResponse detached = await(basic.setPacketService(PacketServiceAction.DETACH));
            assertEquals(PacketServiceState.DETACHED, detached.packetServiceState().constant());
            inbox.awaitMatching(s -> s.packetServiceState().is(PacketServiceState.DETACHED));
            BasicConnect.PacketServiceResponse attached = await(basic.setPacketService(PacketServiceAction.ATTACH));
            assertEquals(PacketServiceState.ATTACHED, attached.packetServiceState().constant());
            inbox.awaitMatching(s -> s.packetServiceState().is(PacketServiceState.ATTACHED));
        }
    }

    @Test
    void connectWithCredentialsThenIpConfigurationStatisticsAndDeactivate() throws Exception {
        Inbox<BasicConnect.ConnectResponse> inbox = new Inbox<>();
        try (MbimSubscription subscription = basic.onConnect(inbox)) {
            BasicConnect.ConnectResponse up = await(basic.setConnect(connect(ActivationCommand.ACTIVATE,
                    "private.corp", "corp", "s3cret")));
            assertEquals(ActivationState.ACTIVATED, up.activationState().constant());
            assertEquals(INTERNET, up.contextType());
            EmulatedBearer bearer = mbim.modem.state().bearer();
            assertTrue(bearer.connected());
            assertEquals("private.corp", bearer.apn());

            BasicConnect.IpConfigurationResponse ip = await(basic.queryIpConfiguration(
                    BasicConnect.IpConfigurationQueryRequest.builder().sessionId(0).build()));
            assertEquals(InetAddress.getByName(bearer.ipv4().address()), ip.ipv4Address().getFirst().ipv4Address());
            assertEquals(bearer.ipv4().prefix(), ip.ipv4Address().getFirst().onLinkPrefixLength());
            assertEquals(InetAddress.getByName(bearer.ipv4().gateway()), ip.ipv4Gateway());
            assertEquals(bearer.ipv4().dns().size(), ip.ipv4DnsServer().size());
            assertEquals(InetAddress.getByName(bearer.ipv4().dns().getFirst()), ip.ipv4DnsServer().getFirst());
            assertEquals(bearer.mtu(), ip.ipv4Mtu());

            EmulatedCounters counters = mbim.modem.state().counters();
            BasicConnect.PacketStatisticsResponse stats = await(basic.queryPacketStatistics());
            assertTrue(stats.inOctets() >= counters.rxBytes(), "counters only grow");
            assertTrue(stats.outOctets() >= counters.txBytes());

            BasicConnect.ConnectResponse down = await(basic.setConnect(connect(ActivationCommand.DEACTIVATE,
                    "private.corp", null, null)));
            assertEquals(ActivationState.DEACTIVATED, down.activationState().constant());
            assertFalse(mbim.modem.state().bearer().connected());
            inbox.awaitMatching(c -> c.activationState().is(ActivationState.DEACTIVATED));
        }
    }

    @Test
    void wrongPasswordIsRejectedWithTheStatusError() {
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> basic.setConnect(
                connect(ActivationCommand.ACTIVATE, "private.corp", "corp", "wrong")).get(30,
                java.util.concurrent.TimeUnit.SECONDS));
        MbimStatusException status = assertInstanceOf(MbimStatusException.class, failure.getCause());
        assertEquals(StatusError.INVALID_USER_NAME_PWD, status.error().constant());
        assertFalse(status.getMessage().contains("wrong"), "no secret in the message");
        assertFalse(connect(ActivationCommand.ACTIVATE, "private.corp", "corp", "wrong").toString().contains("wrong"),
                "no secret in the request's toString");
        assertFalse(mbim.modem.state().bearer().connected());
    }

    static BasicConnect.ConnectSetRequest connect(ActivationCommand command, String apn, String user, String password) {
        return BasicConnect.ConnectSetRequest.builder()
                .sessionId(0)
                .activationCommand(command)
                .accessString(apn)
                .userName(user)
                .password(password)
                .compression(Compression.NONE)
                .authProtocol(user == null ? AuthProtocol.NONE : AuthProtocol.CHAP)
                .ipType(ContextIpType.IPV4)
                .contextType(INTERNET)
                .build();
    }

}
