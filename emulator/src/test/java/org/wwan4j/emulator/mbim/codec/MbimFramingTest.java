package org.wwan4j.emulator.mbim.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MbimFramingTest {
    private static final long SECOND = 1_000_000_000L;

    private static byte[] commandWithBuffer(int transactionId, int bufferSize) {
        byte[] info = new byte[bufferSize];
        for (int i = 0; i < info.length; i++) {
            info[i] = (byte) i;
        }
        return MbimMessages.command(transactionId, MbimServiceIds.BASIC_CONNECT, 8, MbimCommand.QUERY, info);
    }

    @Test
    void commandRoundTripsThroughTheDecoder() throws Exception {
        byte[] message = commandWithBuffer(42, 10);
        List<MbimStreamDecoder.Event> events = new MbimStreamDecoder(4096).feed(message, message.length, 0);
        MbimFrame frame = assertInstanceOf(MbimStreamDecoder.Frame.class, events.getFirst()).frame();
        assertEquals(MbimMessageType.COMMAND, frame.type());
        MbimCommand command = MbimCommand.parse(frame);
        assertEquals(42, command.transactionId());
        assertEquals(MbimServiceIds.BASIC_CONNECT, command.service());
        assertEquals(8, command.cid());
        assertTrue(command.isQuery());
        assertEquals(10, command.informationBuffer().length);
    }

    @Test
    void bytesArrivingOneAtATimeStillMakeFrames() {
        MbimStreamDecoder decoder = new MbimStreamDecoder(4096);
        byte[] first = MbimMessages.open(1, 4096);
        byte[] second = MbimMessages.close(2);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        int frames = 0;
        for (byte b : both.toByteArray()) {
            for (MbimStreamDecoder.Event event : decoder.feed(new byte[] {b}, 1, 0)) {
                assertInstanceOf(MbimStreamDecoder.Frame.class, event);
                frames++;
            }
        }
        assertEquals(2, frames);
        assertEquals(0, decoder.buffered());
    }

    @Test
    void junkBeforeAMessageIsSkipped() {
        byte[] junk = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3};
        byte[] open = MbimMessages.open(5, 4096);
        byte[] stream = ByteBuffer.allocate(junk.length + open.length).put(junk).put(open).array();
        List<MbimStreamDecoder.Event> events = new MbimStreamDecoder(4096).feed(stream, stream.length, 0);
        assertEquals(new MbimStreamDecoder.Discarded(junk.length, "no MBIM header"), events.get(0));
        MbimFrame frame = assertInstanceOf(MbimStreamDecoder.Frame.class, events.get(1)).frame();
        assertEquals(MbimMessageType.OPEN, frame.type());
        assertEquals(5, frame.transactionId());
    }

    @Test
    void oversizedHeaderIsReportedAndDoesNotSwallowTheNextMessage() {
        ByteBuffer huge = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(3).putInt(1 << 20).putInt(9);
        byte[] open = MbimMessages.open(6, 4096);
        byte[] stream = ByteBuffer.allocate(12 + open.length).put(huge.array()).put(open).array();
        List<MbimStreamDecoder.Event> events = new MbimStreamDecoder(4096).feed(stream, stream.length, 0);
        assertEquals(new MbimStreamDecoder.Oversized(9, 1 << 20), events.get(0));
        assertEquals(6, assertInstanceOf(MbimStreamDecoder.Frame.class, events.get(1)).frame().transactionId());
    }

    @Test
    void aStalePartialFrameIsDroppedWhenTheNextClientWrites() {
        MbimStreamDecoder decoder = new MbimStreamDecoder(4096);
        byte[] cut = commandWithBuffer(1, 100);
        assertTrue(decoder.feed(cut, 30, 0).isEmpty());
        byte[] open = MbimMessages.open(2, 4096);
        List<MbimStreamDecoder.Event> events = decoder.feed(open, open.length, 5 * SECOND);
        assertEquals(new MbimStreamDecoder.Discarded(30, "stale partial frame"), events.get(0));
        assertEquals(MbimMessageType.OPEN, assertInstanceOf(MbimStreamDecoder.Frame.class, events.get(1)).frame().type());
    }

    @Test
    void anOpenAbandonsAPartialFrameLeftByADeadClient() {
        MbimStreamDecoder decoder = new MbimStreamDecoder(4096);
        byte[] cut = commandWithBuffer(1, 100);
        decoder.feed(cut, 30, 0);
        byte[] open = MbimMessages.open(2, 4096);
        List<MbimStreamDecoder.Event> events = decoder.feed(open, open.length, 1);
        assertInstanceOf(MbimStreamDecoder.Discarded.class, events.get(0));
        assertEquals(MbimMessageType.OPEN, assertInstanceOf(MbimStreamDecoder.Frame.class, events.get(1)).frame().type());
    }

    @Test
    void anOpenReadTogetherWithADeadClientsLeftoversIsStillFound() {
        byte[] cut = commandWithBuffer(1, 100);
        byte[] open = MbimMessages.open(2, 4096);
        byte[] stream = ByteBuffer.allocate(30 + open.length).put(cut, 0, 30).put(open).array();
        List<MbimStreamDecoder.Event> events = new MbimStreamDecoder(4096).feed(stream, stream.length, 0);
        assertEquals(new MbimStreamDecoder.Discarded(30, "partial frame abandoned by a new OPEN"), events.get(0));
        assertEquals(2, assertInstanceOf(MbimStreamDecoder.Frame.class, events.get(1)).frame().transactionId());
    }

    @Test
    void randomJunkNeverThrowsAndAValidMessageAfterItIsFound() {
        Random random = new Random(1234);
        for (int round = 0; round < 200; round++) {
            MbimStreamDecoder decoder = new MbimStreamDecoder(4096);
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            decoder.feed(junk, junk.length, 0);
            byte[] open = MbimMessages.open(77, 4096);
            // after a pause, as a new client would write
            List<MbimStreamDecoder.Event> events = decoder.feed(open, open.length, 2 * SECOND);
            boolean found = events.stream().anyMatch(e -> e instanceof MbimStreamDecoder.Frame f
                    && f.frame().type() == MbimMessageType.OPEN && f.frame().transactionId() == 77);
            assertTrue(found, "round " + round);
        }
    }

    @Test
    void truncatedCommandHeaderIsALengthMismatch() {
        byte[] message = commandWithBuffer(3, 0);
        byte[] cut = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).put(message, 0, 40).putInt(4, 40).array();
        MbimParseException error = assertThrows(MbimParseException.class, () -> MbimCommand.parse(new MbimFrame(cut)));
        assertEquals(MbimProtocolError.LENGTH_MISMATCH, error.code());
        byte[] lying = commandWithBuffer(3, 8);
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(44, 500);
        assertEquals(MbimProtocolError.LENGTH_MISMATCH,
                assertThrows(MbimParseException.class, () -> MbimCommand.parse(new MbimFrame(lying))).code());
    }

    @Test
    void fragmentsOfALongMessageReassembleToTheOriginal() {
        byte[] original = MbimMessages.command(11, MbimServiceIds.BASIC_CONNECT, 8, 0, new byte[1000]);
        List<byte[]> fragments = MbimFragmenter.split(original, 256);
        assertEquals((original.length - 20 + 235) / 236, fragments.size());
        MbimFragmentCollector collector = new MbimFragmentCollector();
        MbimFragmentCollector.Result result = null;
        for (int i = 0; i < fragments.size(); i++) {
            byte[] fragment = fragments.get(i);
            assertTrue(fragment.length <= 256);
            MbimFrame frame = new MbimFrame(fragment);
            assertEquals(fragments.size(), frame.fragmentTotal());
            assertEquals(i, frame.fragmentCurrent());
            assertEquals(fragment.length, frame.u32(4));
            result = collector.add(frame, i);
        }
        MbimFrame joined = assertInstanceOf(MbimFragmentCollector.Complete.class, result).frame();
        assertArrayEquals(original, joined.bytes());
    }

    @Test
    void shortMessagesAreNotFragmented() {
        byte[] message = MbimMessages.openDone(1, 0);
        assertEquals(List.of(message), MbimFragmenter.split(message, 64));
    }

    @Test
    void outOfSequenceFragmentsAreRejected() {
        List<byte[]> fragments = MbimFragmenter.split(commandWithBuffer(20, 600), 128);
        MbimFragmentCollector collector = new MbimFragmentCollector();
        MbimFragmentCollector.Failed notFirst = assertInstanceOf(MbimFragmentCollector.Failed.class,
                collector.add(new MbimFrame(fragments.get(1)), 0));
        assertEquals(MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE, notFirst.protocolError());
        assertInstanceOf(MbimFragmentCollector.Partial.class, collector.add(new MbimFrame(fragments.get(0)), 0));
        MbimFragmentCollector.Failed skipped = assertInstanceOf(MbimFragmentCollector.Failed.class,
                collector.add(new MbimFrame(fragments.get(2)), 0));
        assertEquals(20, skipped.transactionId());
        assertEquals(MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE, skipped.protocolError());
        assertTrue(!collector.collecting());
    }

    @Test
    void silenceBetweenFragmentsTimesOut() {
        List<byte[]> fragments = MbimFragmenter.split(commandWithBuffer(21, 600), 128);
        MbimFragmentCollector collector = new MbimFragmentCollector();
        collector.add(new MbimFrame(fragments.get(0)), 0);
        assertNull(collector.expire(SECOND));
        MbimFragmentCollector.Failed timeout = collector.expire(2 * SECOND);
        assertEquals(new MbimFragmentCollector.Failed(21, MbimProtocolError.TIMEOUT_FRAGMENT, timeout.reason()), timeout);
    }

    @Test
    void anotherTransactionInterruptsACollection() {
        List<byte[]> fragments = MbimFragmenter.split(commandWithBuffer(22, 600), 128);
        MbimFragmentCollector collector = new MbimFragmentCollector();
        collector.add(new MbimFrame(fragments.get(0)), 0);
        assertNull(collector.interruptedBy(new MbimFrame(fragments.get(1))));
        MbimFragmentCollector.Failed failed = collector.interruptedBy(new MbimFrame(MbimMessages.close(23)));
        assertEquals(22, failed.transactionId());
    }

    @Test
    void aFragmentedMessageCannotGrowWithoutBound() {
        List<byte[]> fragments = MbimFragmenter.split(commandWithBuffer(40, 200_000), 4096);
        MbimFragmentCollector collector = new MbimFragmentCollector();
        MbimFragmentCollector.Result result = null;
        for (byte[] fragment : fragments) {
            result = collector.add(new MbimFrame(fragment), 0);
            if (result instanceof MbimFragmentCollector.Failed) {
                break;
            }
        }
        MbimFragmentCollector.Failed failed = assertInstanceOf(MbimFragmentCollector.Failed.class, result);
        assertEquals(MbimProtocolError.MAX_TRANSFER, failed.protocolError());
        assertTrue(!collector.collecting());
    }

    @Test
    void impossibleFragmentHeadersAreRejected() {
        byte[] message = commandWithBuffer(30, 0);
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0);
        assertInstanceOf(MbimFragmentCollector.Failed.class, new MbimFragmentCollector().add(new MbimFrame(message), 0));
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 2).putInt(16, 5);
        assertInstanceOf(MbimFragmentCollector.Failed.class, new MbimFragmentCollector().add(new MbimFrame(message), 0));
    }
}
