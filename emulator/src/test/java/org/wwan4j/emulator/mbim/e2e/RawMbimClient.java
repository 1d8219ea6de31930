package org.wwan4j.emulator.mbim.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.wwan4j.emulator.mbim.codec.MbimFragmentCollector;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessages;

/**
 * A host written byte by byte, for what mbimcli will not send: junk, cut messages, raw fragments. It reads only
 * when an answer is due, so no read is left blocked when it closes (which would keep the port "in use").
 */
final class RawMbimClient implements AutoCloseable {
    private final RandomAccessFile port;
    private final MbimFragmentCollector collector = new MbimFragmentCollector();

    RawMbimClient(Path device) throws IOException {
        this.port = new RandomAccessFile(device.toFile(), "rw");
    }

    void send(byte[] bytes) throws IOException {
        port.write(bytes);
    }

    /** Opens the channel and returns the OPEN_DONE. */
    MbimFrame open(int transactionId, int maxTransfer) throws IOException {
        send(MbimMessages.open(transactionId, maxTransfer));
        return nextTransfer();
    }

    /** Exactly {@code count} bytes, whatever they are (for answers a fault has cut short). */
    byte[] nextBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        port.readFully(bytes);
        return bytes;
    }

    /** One transfer as the function sent it (possibly a fragment). */
    MbimFrame nextTransfer() throws IOException {
        byte[] header = new byte[MbimFrame.HEADER_LENGTH];
        port.readFully(header);
        int length = new MbimFrame(header).u32(4);
        byte[] whole = new byte[length];
        System.arraycopy(header, 0, whole, 0, header.length);
        port.readFully(whole, header.length, length - header.length);
        return new MbimFrame(whole);
    }

    /** One whole message: fragments of COMMAND_DONE / INDICATE_STATUS joined. */
    MbimFrame nextMessage() throws IOException {
        while (true) {
            MbimFrame transfer = nextTransfer();
            if (!transfer.hasFragmentHeader()) {
                return transfer;
            }
            if (collector.add(transfer, 0) instanceof MbimFragmentCollector.Complete(MbimFrame whole)) {
                return whole;
            }
        }
    }

    @Override
    public void close() throws IOException {
        port.close();
    }
}
