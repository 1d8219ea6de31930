package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.mbim.basicconnect.BasicConnectCid;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimFragmenter;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimProtocolError;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedProviderStatus;
import org.wwan4j.emulator.model.EmulatedRat;

/** Bad input gets the proper MBIM answer or is dropped, and the port keeps serving mbimcli afterwards. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimRobustnessTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    private void assertMbimcliStillWorks() throws Exception {
        assertEquals("on", mbimcli.ok("--query-radio-state")
                .field("Software radio state"));
    }

    @Test
    void aResponseLongerThanTheMaximumTransferIsFragmentedAndParsedByMbimcli() throws Exception {
        List<EmulatedProvider> crowded = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            crowded.add(new EmulatedProvider("310", String.format("%03d", i), "Operator number " + i,
                    i == 0 ? EmulatedProviderStatus.CURRENT : EmulatedProviderStatus.AVAILABLE, false,
                            Set.of(EmulatedRat.LTE)));
        }
        emulator.state().setProviders(crowded);
        Mbimcli.Result scan = mbimcli.ok("-v", "--query-visible-providers");
        assertTrue(scan.all().contains("total   = 3"), "expected a 3-fragment answer at 4096 bytes per transfer");
        List<String> ids = scan.fields("Provider ID");
        assertEquals(120, ids.size());
        assertEquals("310000", ids.get(0));
        assertEquals("310119", ids.get(119));
        assertEquals("Operator number 119", scan.fields("Provider name").get(119));
    }

    @Test
    void aSmallMaximumTransferFragmentsEvenShortAnswers() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.open(1, 64);
            host.send(MbimMessages.command(2, MbimServiceIds.BASIC_CONNECT, BasicConnectCid.DEVICE_CAPS,
                    MbimCommand.QUERY, new byte[0]));
            MbimFrame first = host.nextTransfer();
            assertTrue(first.fragmentTotal() > 1);
            assertTrue(first.length() <= 64);
            for (int i = 1; i < first.fragmentTotal(); i++) {
                MbimFrame next = host.nextTransfer();
                assertEquals(i, next.fragmentCurrent());
                assertTrue(next.length() <= 64);
            }
        }
        assertMbimcliStillWorks();
    }

    @Test
    void aFragmentedCommandFromTheHostIsReassembled() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.open(1, 4096);
            byte[] query = MbimMessages.command(2, MbimServiceIds.BASIC_CONNECT, BasicConnectCid.CONNECT,
                    MbimCommand.QUERY, new byte[200]);
            for (byte[] fragment : MbimFragmenter.split(query, 80)) {
                host.send(fragment);
            }
            MbimFrame done = host.nextMessage();
            assertEquals(MbimMessageType.COMMAND_DONE, done.type());
            assertEquals(2, done.transactionId());
            assertEquals(MbimStatus.NONE, done.u32(40));
        }
    }

    @Test
    void framingErrorsAreFunctionErrors() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.send(MbimMessages.command(1, MbimServiceIds.BASIC_CONNECT, 1, MbimCommand.QUERY, new byte[0]));
            assertFunctionError(host.nextMessage(), 1, MbimProtocolError.NOT_OPENED);

            host.open(2, 4096);
            byte[] lying = MbimMessages.command(3, MbimServiceIds.BASIC_CONNECT, 1, MbimCommand.QUERY, new byte[8]);
            ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(44, 100_000);
            host.send(lying);
            assertFunctionError(host.nextMessage(), 3, MbimProtocolError.LENGTH_MISMATCH);

            List<byte[]> fragments = MbimFragmenter.split(
                    MbimMessages.command(4, MbimServiceIds.BASIC_CONNECT, 1, MbimCommand.QUERY, new byte[200]), 80);
            host.send(fragments.get(1));
            assertFunctionError(host.nextMessage(), 4, MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE);

            ByteBuffer oversized = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            oversized.putInt(MbimMessageType.COMMAND.code()).putInt(1 << 20).putInt(5);
            host.send(oversized.array());
            assertFunctionError(host.nextMessage(), 5, MbimProtocolError.MAX_TRANSFER);

            host.send(fragments.get(0)); // and never the rest: the function gives up after its fragment timeout
            assertFunctionError(host.nextMessage(), 4, MbimProtocolError.TIMEOUT_FRAGMENT);
        }
        assertMbimcliStillWorks();
    }

    @Test
    void unknownServicesAndCidsAreNoDeviceSupportAndBadBuffersInvalidParameters() throws Exception {
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.open(1, 4096);
            host.send(MbimMessages.command(2, UUID.fromString("11111111-2222-3333-4444-555555555555"), 1,
                    MbimCommand.QUERY, new byte[0]));
            assertEquals(MbimStatus.NO_DEVICE_SUPPORT, host.nextMessage().u32(40));
            host.send(MbimMessages.command(3, MbimServiceIds.BASIC_CONNECT, 777, MbimCommand.QUERY, new byte[0]));
            assertEquals(MbimStatus.NO_DEVICE_SUPPORT, host.nextMessage().u32(40));
            // A Connect set whose access string points far outside the buffer.
            byte[] connect = new byte[60];
            ByteBuffer.wrap(connect).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1).putInt(8, 5000).putInt(12, 10);
            host.send(MbimMessages.command(4, MbimServiceIds.BASIC_CONNECT, BasicConnectCid.CONNECT, MbimCommand.SET,
                    connect));
            assertEquals(MbimStatus.INVALID_PARAMETERS, host.nextMessage().u32(40));
            host.send(MbimMessages.command(5, MbimServiceIds.BASIC_CONNECT, BasicConnectCid.RADIO_STATE,
                    MbimCommand.SET, new byte[2]));
            assertEquals(MbimStatus.INVALID_PARAMETERS, host.nextMessage().u32(40));
        }
        assertMbimcliStillWorks();
    }

    @Test
    void junkAndCutMessagesWrittenToThePortDoNotStopMbimcli() throws Exception {
        Random random = new Random(42);
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            for (int round = 0; round < 20; round++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                host.send(junk);
            }
            byte[] cut = MbimMessages.command(9, MbimServiceIds.BASIC_CONNECT, 1, MbimCommand.QUERY, new byte[64]);
            host.send(java.util.Arrays.copyOf(cut, 30)); // a client dying mid-message
        }
        assertMbimcliStillWorks();
        assertEquals("26207", mbimcli.ok("--query-home-provider").field("Provider ID"));
    }

    private static void assertFunctionError(MbimFrame frame, int transactionId, int protocolError) {
        assertEquals(MbimMessageType.FUNCTION_ERROR, frame.type());
        assertEquals(transactionId, frame.transactionId());
        assertEquals(protocolError, frame.u32(12));
    }
}
