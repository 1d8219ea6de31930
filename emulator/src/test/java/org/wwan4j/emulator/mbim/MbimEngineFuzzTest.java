package org.wwan4j.emulator.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.FrameSink;
import org.wwan4j.emulator.fault.ActiveFaults;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.mbim.codec.MbimStreamDecoder;
import org.wwan4j.emulator.model.ModemState;

/**
 * Random information buffers sent to every CID the engine serves, as query and as set: each gets exactly one
 * COMMAND_DONE, and never MBIM_STATUS_FAILURE, which the engine only answers when a handler threw (a bug).
 */
@Timeout(60)
class MbimEngineFuzzTest {
    private static final int BASIC_CONNECT_CIDS = 24;
    private static final int EXTENSIONS_CIDS = 20;

    private final List<byte[]> written = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MbimEngine engine = new MbimEngine(new EngineContext(new ModemState(), new ActiveFaults(),
            new EmulatorStatistics(), new FrameSink() {
                @Override
                public void sendResponse(byte[] frame) {
                    written.add(frame);
                }

                @Override
                public void sendIndication(byte[] frame) {
                }
            }, scheduler));

    @AfterEach
    void stop() {
        engine.close();
        scheduler.shutdownNow();
    }

    private MbimFrame exchange(byte[] message) {
        written.clear();
        engine.receive(message, message.length);
        assertEquals(1, written.size(), "one answer per message");
        byte[] answer = written.getFirst();
        List<MbimStreamDecoder.Event> events = new MbimStreamDecoder(1 << 20).feed(answer, answer.length, 0);
        return ((MbimStreamDecoder.Frame) events.getFirst()).frame();
    }

    @Test
    void randomRequestsToEveryCidNeverBreakAHandler() {
        Random random = new Random(7);
        assertEquals(MbimMessageType.OPEN_DONE, exchange(MbimMessages.open(1, 1 << 16)).type());
        int transactionId = 2;
        for (UUID service : List.of(MbimServiceIds.BASIC_CONNECT, MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS)) {
            int cids = service.equals(MbimServiceIds.BASIC_CONNECT) ? BASIC_CONNECT_CIDS : EXTENSIONS_CIDS;
            for (int cid = 0; cid <= cids; cid++) {
                for (int round = 0; round < 40; round++) {
                    byte[] buffer = new byte[random.nextInt(round < 20 ? 16 : 160)];
                    random.nextBytes(buffer);
                    if (round % 3 == 0 && buffer.length >= 8) {
                        buffer[4] = (byte) random.nextInt(3); // small enough to be a valid enum now and then
                        buffer[5] = buffer[6] = buffer[7] = 0;
                    }
                    int type = round % 2 == 0 ? MbimCommand.QUERY : MbimCommand.SET;
                    MbimFrame done = exchange(MbimMessages.command(transactionId, service, cid, type, buffer));
                    assertEquals(MbimMessageType.COMMAND_DONE, done.type());
                    assertEquals(transactionId, done.transactionId());
                    assertNotEquals(MbimStatus.FAILURE, done.u32(40),
                            () -> "handler failed on service " + service + " cid " + done.u32(36));
                    transactionId++;
                }
            }
        }
        assertTrue(transactionId > 1000);
    }
}
