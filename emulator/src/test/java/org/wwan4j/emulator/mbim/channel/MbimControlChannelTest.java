package org.wwan4j.emulator.mbim.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimFragmentCollector;
import org.wwan4j.emulator.mbim.codec.MbimFragmenter;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimProtocolError;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.mbim.codec.MbimStreamDecoder;

class MbimControlChannelTest {
    private static final UUID SERVICE = MbimServiceIds.BASIC_CONNECT;

    /** Echoes the request buffer, so sizes in and out are under the test's control. */
    private static final MbimCidHandler ECHO = new MbimCidHandler() {
        @Override
        public UUID service() {
            return SERVICE;
        }

        @Override
        public int cid() {
            return 99;
        }

        @Override
        public MbimReply query(MbimCommand command) {
            return MbimReply.ok(command.informationBuffer());
        }
    };

    private final List<byte[]> responses = new ArrayList<>();
    private final List<byte[]> indications = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final AtomicBoolean extraData = new AtomicBoolean();
    private final MbimControlChannel channel = new MbimControlChannel(new MbimCidTable(List.of(ECHO)), new MbimSession(),
            new MbimOutput() {
                @Override
                public void response(byte[] transfer) {
                    responses.add(transfer);
                }

                @Override
                public void indication(byte[] transfer) {
                    indications.add(transfer);
                }
            }, now::get, extraData::get, 4096);

    private MbimFrame send(byte[] message) {
        responses.clear();
        channel.receive(message, message.length);
        return responses.isEmpty() ? null : new MbimFrame(responses.getLast());
    }

    @Test
    void openIsAnsweredWithOpenDoneAndCloseWithCloseDone() {
        MbimFrame done = send(MbimMessages.open(1, 4096));
        assertEquals(MbimMessageType.OPEN_DONE, done.type());
        assertEquals(1, done.transactionId());
        assertEquals(MbimStatus.NONE, done.u32(12));
        assertTrue(channel.isOpen());
        MbimFrame closed = send(MbimMessages.close(2));
        assertEquals(MbimMessageType.CLOSE_DONE, closed.type());
        assertTrue(!channel.isOpen());
    }

    @Test
    void commandBeforeOpenIsAFunctionErrorNotOpened() {
        MbimFrame error = send(MbimMessages.command(5, SERVICE, 99, MbimCommand.QUERY, new byte[4]));
        assertEquals(MbimMessageType.FUNCTION_ERROR, error.type());
        assertEquals(5, error.transactionId());
        assertEquals(MbimProtocolError.NOT_OPENED, error.u32(12));
    }

    @Test
    void unknownServiceAndUnknownCidAreNoDeviceSupport() {
        send(MbimMessages.open(1, 4096));
        MbimFrame unknownCid = send(MbimMessages.command(2, SERVICE, 1234, MbimCommand.QUERY, new byte[0]));
        assertEquals(MbimMessageType.COMMAND_DONE, unknownCid.type());
        assertEquals(MbimStatus.NO_DEVICE_SUPPORT, unknownCid.u32(40));
        MbimFrame unknownService = send(MbimMessages.command(3, UUID.randomUUID(), 99, MbimCommand.QUERY, new byte[0]));
        assertEquals(MbimStatus.NO_DEVICE_SUPPORT, unknownService.u32(40));
        MbimFrame unsupportedSet = send(MbimMessages.command(4, SERVICE, 99, MbimCommand.SET, new byte[0]));
        assertEquals(MbimStatus.NO_DEVICE_SUPPORT, unsupportedSet.u32(40));
    }

    @Test
    void responsesAreFragmentedToTheHostMaximumAndReassembleToTheAnswer() {
        send(MbimMessages.open(1, 128));
        byte[] payload = new byte[1000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        send(MbimMessages.command(2, SERVICE, 99, MbimCommand.QUERY, payload));
        assertEquals(1, responses.size(), "all fragments of one answer go out in one write");
        byte[] written = responses.getFirst();
        List<MbimStreamDecoder.Event> transfers = new MbimStreamDecoder(4096).feed(written, written.length, 0);
        assertTrue(transfers.size() > 1);
        MbimFragmentCollector collector = new MbimFragmentCollector();
        MbimFragmentCollector.Result result = null;
        for (MbimStreamDecoder.Event event : transfers) {
            MbimFrame transfer = assertInstanceOf(MbimStreamDecoder.Frame.class, event).frame();
            assertTrue(transfer.length() <= 128);
            result = collector.add(transfer, 0);
        }
        MbimFrame whole = assertInstanceOf(MbimFragmentCollector.Complete.class, result).frame();
        assertEquals(MbimMessageType.COMMAND_DONE, whole.type());
        assertEquals(payload.length, whole.u32(44));
        byte[] echoed = new byte[payload.length];
        System.arraycopy(whole.bytes(), 48, echoed, 0, echoed.length);
        assertArrayEquals(payload, echoed);
    }

    @Test
    void fragmentedCommandsFromTheHostAreJoined() {
        send(MbimMessages.open(1, 4096));
        byte[] payload = new byte[300];
        List<byte[]> fragments = MbimFragmenter.split(MbimMessages.command(9, SERVICE, 99, MbimCommand.QUERY, payload), 100);
        for (byte[] fragment : fragments.subList(0, fragments.size() - 1)) {
            assertEquals(null, send(fragment));
        }
        MbimFrame done = send(fragments.getLast());
        assertEquals(MbimMessageType.COMMAND_DONE, done.type());
        assertEquals(300, done.u32(44));
    }

    @Test
    void aFragmentedCommandLeftHangingTimesOut() {
        send(MbimMessages.open(1, 4096));
        List<byte[]> fragments = MbimFragmenter.split(MbimMessages.command(9, SERVICE, 99, MbimCommand.QUERY, new byte[300]), 100);
        send(fragments.getFirst());
        now.addAndGet(2_000_000_000L);
        responses.clear();
        channel.tick();
        MbimFrame error = new MbimFrame(responses.getLast());
        assertEquals(MbimMessageType.FUNCTION_ERROR, error.type());
        assertEquals(9, error.transactionId());
        assertEquals(MbimProtocolError.TIMEOUT_FRAGMENT, error.u32(12));
    }

    @Test
    void truncatedCommandIsALengthMismatchAndTheChannelKeepsServing() {
        send(MbimMessages.open(1, 4096));
        byte[] command = MbimMessages.command(7, SERVICE, 99, MbimCommand.QUERY, new byte[8]);
        java.nio.ByteBuffer.wrap(command).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(44, 4000);
        MbimFrame error = send(command);
        assertEquals(MbimMessageType.FUNCTION_ERROR, error.type());
        assertEquals(MbimProtocolError.LENGTH_MISMATCH, error.u32(12));
        MbimFrame ok = send(MbimMessages.command(8, SERVICE, 99, MbimCommand.QUERY, new byte[8]));
        assertEquals(MbimStatus.NONE, ok.u32(40));
    }

    @Test
    void hostSendingFunctionMessagesGetsUnknownAndHostErrorIsSwallowed() {
        send(MbimMessages.open(1, 4096));
        assertEquals(MbimProtocolError.UNKNOWN, send(MbimMessages.openDone(3, 0)).u32(12));
        assertEquals(null, send(MbimMessages.hostError(4, MbimProtocolError.CANCEL)));
    }

    @Test
    void hostErrorCancelsTheFragmentsOfItsTransaction() {
        send(MbimMessages.open(1, 4096));
        List<byte[]> fragments = MbimFragmenter.split(MbimMessages.command(9, SERVICE, 99, MbimCommand.QUERY, new byte[300]), 100);
        send(fragments.getFirst());
        assertEquals(null, send(MbimMessages.hostError(9, MbimProtocolError.CANCEL)));
        now.addAndGet(5_000_000_000L);
        responses.clear();
        channel.tick();
        assertTrue(responses.isEmpty(), "a cancelled transaction does not time out later");
    }

    @Test
    void indicationsFlowOnlyWhileOpen() {
        channel.indicate(SERVICE, 11, new byte[4]);
        assertTrue(indications.isEmpty());
        send(MbimMessages.open(1, 4096));
        channel.indicate(SERVICE, 11, new byte[4]);
        MbimFrame indication = new MbimFrame(indications.getLast());
        assertEquals(MbimMessageType.INDICATE_STATUS, indication.type());
        assertEquals(0, indication.transactionId());
        assertEquals(11, indication.u32(36));
    }

    @Test
    void unknownExtraDataFaultLengthensAnswersButKeepsTheirStart() {
        send(MbimMessages.open(1, 4096));
        extraData.set(true);
        MbimFrame done = send(MbimMessages.command(2, SERVICE, 99, MbimCommand.QUERY, new byte[] {1, 2, 3, 4}));
        assertEquals(4 + MbimControlChannel.UNKNOWN_EXTRA_DATA.length, done.u32(44));
        assertEquals(0x04030201, done.u32(48));
    }

    @Test
    void sessionsSurviveCloseAndReopen() {
        send(MbimMessages.open(1, 4096));
        send(MbimMessages.close(2));
        MbimFrame again = send(MbimMessages.open(3, 4096));
        assertEquals(MbimMessageType.OPEN_DONE, again.type());
    }
}
