package org.wwan4j.emulator.qmi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare QMUX client for what qmicli cannot show: raw indications with their TLV ids, garbage on the wire, half
 * frames. Frames the emulator sends are decoded with the same codec the emulator uses for requests.
 */
final class RawQmiClient implements AutoCloseable {

    /** How long a test waits for one expected frame. */
    static final long FRAME_WAIT_SECONDS = 10;

    /** Separate channels: a FileChannel serialises its reads and writes, and a pending read would block writes. */
    private final FileChannel in;
    private final FileChannel out;
    private final LinkedBlockingQueue<QmuxFrame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final java.util.List<QmuxFrame> received = new java.util.ArrayList<>();
    private int transaction = 1;

    RawQmiClient(Path device) throws IOException {
        in = FileChannel.open(device, StandardOpenOption.READ);
        out = FileChannel.open(device, StandardOpenOption.WRITE);
        reader = Thread.ofPlatform().daemon().name("raw-qmi-client").start(this::readLoop);
    }

    private void readLoop() {
        QmuxDecoder decoder = new QmuxDecoder();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (in.read(buffer.clear()) >= 0) {
                decoder.append(buffer.array(), buffer.position());
                decoder.drain().forEach(decoded -> frames.add(decoded.frame()));
            }
        } catch (IOException e) {
            // closed
        }
    }

    void writeRaw(byte[] bytes) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(bytes);
        while (data.hasRemaining()) {
            out.write(data);
        }
    }

    /** Sends a request and returns its transaction id. */
    int send(int service, int clientId, int messageId, byte[] tlvs) throws IOException {
        int txn = service == QmiServiceId.CTL ? transaction++ & 0xff : transaction++;
        writeRaw(new QmuxFrame(service, clientId, 0, txn, messageId, tlvs).encode());
        return txn;
    }

    QmuxFrame request(int service, int clientId, int messageId, byte[] tlvs) throws Exception {
        int txn = send(service, clientId, messageId, tlvs);
        return await(f -> f.service() == service && f.transaction() == txn && f.messageId() == messageId
                && (f.qmiFlags() & (service == QmiServiceId.CTL ? QmuxFrame.CTL_FLAG_RESPONSE
                : QmuxFrame.SERVICE_FLAG_RESPONSE)) != 0);
    }

    /**
     * The first received frame (oldest first) that matches, waiting for it if needed. Frames that do not match stay
     * for later awaits, so an indication that arrives before a response is not lost.
     */
    QmuxFrame await(Predicate<QmuxFrame> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FRAME_WAIT_SECONDS);
        while (true) {
            for (QmuxFrame frame : received) {
                if (wanted.test(frame)) {
                    received.remove(frame);
                    return frame;
                }
            }
            long left = deadline - System.nanoTime();
            QmuxFrame frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no matching frame within " + FRAME_WAIT_SECONDS + " s");
            }
            received.add(frame);
        }
    }

    /** Allocates a client id on the service through CTL. */
    int allocate(int service) throws Exception {
        QmuxFrame answer = request(QmiServiceId.CTL, 0, CtlService.ALLOCATE_CID,
                new TlvWriter().tlv(0x01).u8(service).toBytes());
        TlvReader info = tlvs(answer).require(0x01);
        info.u8();
        return info.u8();
    }

    static Tlvs tlvs(QmuxFrame frame) {
        return Tlvs.parse(frame.tlvs());
    }

    /** The error code of the result TLV (0 on success). */
    static int error(QmuxFrame frame) {
        TlvReader result = tlvs(frame).require(QmiEngine.RESULT_TLV);
        result.u16();
        return result.u16();
    }

    @Override
    public void close() throws IOException {
        out.close();
        in.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
