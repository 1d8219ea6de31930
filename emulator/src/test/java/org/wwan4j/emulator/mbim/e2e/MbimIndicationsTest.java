package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.mbim.basicconnect.BasicConnectCid;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.msbasicconnect.MsBasicConnectExtensionsCid;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * Indications. mbimcli 1.28 has no monitor mode, but with -v it prints every message libmbim receives, translated
 * field by field; a set that changes state makes the emulator send its indications before the COMMAND_DONE, so
 * libmbim itself parses them. Changes that no host asked for are read with a raw client.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimIndicationsTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    /** The "Fields:" block libmbim printed for the INDICATE_STATUS of {@code cid}. */
    private static String indication(Mbimcli.Result verbose, String cid) {
        Matcher matcher = Pattern.compile("type += indicate-status.*?cid += '" + Pattern.quote(cid)
                + "'.*?Fields:\\n(.*?)\\n\\n", Pattern.DOTALL).matcher(verbose.all());
        assertTrue(matcher.find(), "no " + cid + " indication in:\n" + verbose.all());
        return matcher.group(1);
    }

    @Test
    void radioOffIsIndicatedAndParsedByLibmbim() throws Exception {
        Mbimcli.Result verbose = mbimcli.ok("-v", "--set-radio-state=off");
        assertTrue(indication(verbose, "radio-state").contains("SwRadioState = 'off'"), verbose.all());
        assertTrue(indication(verbose, "register-state").contains("RegisterState = 'deregistered'"));
        assertTrue(indication(verbose, "packet-service").contains("PacketServiceState = 'detached'"));
        assertTrue(indication(verbose, "signal-state").contains("Rssi = '99'"));
    }

    @Test
    void connectAndDisconnectAreIndicated() throws Exception {
        Mbimcli.Result up = mbimcli.ok("-v", "--connect=access-string=internet");
        assertTrue(indication(up, "connect").contains("ActivationState = 'activated'"), up.all());
        Mbimcli.Result down = mbimcli.ok("-v", "--disconnect");
        assertTrue(indication(down, "connect").contains("ActivationState = 'deactivated'"), down.all());
    }

    @Test
    void slotSwitchIndicatesSubscriberAndSlotStatus() throws Exception {
        Mbimcli.Result verbose = mbimcli.ok("-v", "--ms-set-device-slot-mappings=2");
        assertTrue(indication(verbose, "subscriber-ready-status").contains("ReadyState = 'sim-not-inserted'"),
                verbose.all());
        assertTrue(indication(verbose, "slot-info-status").contains("SlotIndex = '0'"));
    }

    @Test
    void networkLossReachesAnOpenHostAsRegisterAndSignalIndications() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            assertEquals(MbimMessageType.OPEN_DONE, host.open(1, 4096).type());
            emulator.state().setSignal(new EmulatedSignal(-79, -10, -100, 5));
            MbimFrame signal = host.nextMessage();
            assertIndication(signal, BasicConnectCid.SIGNAL_STATE);
            assertEquals(17, body(signal).u32(0), "(-79 + 113) / 2");

            emulator.modem().inject(Fault.NETWORK_LOSS);
            MbimFrame first = host.nextMessage();
            assertIndication(first, BasicConnectCid.SIGNAL_STATE);
            assertEquals(99, body(first).u32(0));
            MbimFrame register = host.nextMessage();
            assertIndication(register, BasicConnectCid.REGISTER_STATE);
            assertEquals(2, body(register).u32(4), "MBIM_REGISTER_STATE_SEARCHING");
        }
    }

    @Test
    void simRemovalIsIndicatedPerSlot() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.open(1, 4096);
            emulator.modem().inject(Fault.SIM_REMOVAL);
            MbimFrame ready = host.nextMessage();
            assertIndication(ready, BasicConnectCid.SUBSCRIBER_READY_STATUS);
            assertEquals(2, body(ready).u32(0), "MBIM_SUBSCRIBER_READY_STATE_SIM_NOT_INSERTED");
            MbimFrame slot = host.nextMessage();
            assertEquals(MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS, MbimServiceIds.read(slot.bytes(), 20));
            assertEquals(MsBasicConnectExtensionsCid.SLOT_INFO_STATUS, slot.u32(36));
            assertEquals(0, body(slot).u32(0));
            assertEquals(3, body(slot).u32(4), "MBIM_UICC_SLOT_STATE_EMPTY");
        }
    }

    @Test
    void droppedIndicationsFaultSilencesIndicationsButNotAnswers() throws Exception {
        emulator.modem().inject(Fault.DROP_INDICATIONS);
        Mbimcli.Result verbose = mbimcli.ok("-v", "--set-radio-state=off");
        assertTrue(!verbose.all().contains("indicate-status"), verbose.all());
        assertEquals("off", verbose.field("Software radio state"));
    }

    @Test
    void aSubscribeListLimitsIndicationsToWhatTheHostAskedFor() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.open(1, 4096);
            InformationBufferWriter onlySignal = new InformationBufferWriter()
                    .uuid(MbimServiceIds.BASIC_CONNECT).u32(1).u32(BasicConnectCid.SIGNAL_STATE);
            host.send(MbimMessages.command(2, MbimServiceIds.BASIC_CONNECT,
                    BasicConnectCid.DEVICE_SERVICE_SUBSCRIBE_LIST, MbimCommand.SET,
                    new InformationBufferWriter().u32(1).structRef(onlySignal).toByteArray()));
            MbimFrame done = host.nextMessage();
            assertEquals(MbimMessageType.COMMAND_DONE, done.type());
            assertEquals(MbimStatus.NONE, done.u32(40));

            emulator.state().setNetworkRegistration(
                    emulator.state().registration().withState(EmulatedRegistrationState.ROAMING));
            emulator.state().setSignal(new EmulatedSignal(-91, -12, -110, 1));
            MbimFrame next = host.nextMessage();
            assertIndication(next, BasicConnectCid.SIGNAL_STATE); // register and packet service were filtered out
            assertEquals(11, body(next).u32(0));
        }
    }

    private static void assertIndication(MbimFrame frame, int cid) {
        assertEquals(MbimMessageType.INDICATE_STATUS, frame.type());
        assertEquals(0, frame.transactionId());
        assertEquals(MbimServiceIds.BASIC_CONNECT, MbimServiceIds.read(frame.bytes(), 20));
        assertEquals(cid, frame.u32(36));
    }

    private static InformationBufferReader body(MbimFrame indication) {
        byte[] buffer = new byte[indication.u32(40)];
        System.arraycopy(indication.bytes(), 44, buffer, 0, buffer.length);
        return new InformationBufferReader(buffer);
    }
}
