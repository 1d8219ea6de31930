package org.wwan4j.emulator.mbim.channel;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimFragmentCollector;
import org.wwan4j.emulator.mbim.codec.MbimFragmenter;
import org.wwan4j.emulator.mbim.codec.MbimFrame;
import org.wwan4j.emulator.mbim.codec.MbimMessageType;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimProtocolError;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.mbim.codec.MbimStreamDecoder;

/**
 * The function side of an MBIM control channel: OPEN/CLOSE, COMMAND dispatch, fragmentation both ways, and
 * FUNCTION_ERROR for framing problems. It never throws on input; whatever it cannot use it answers or drops.
 *
 * <p>Like most real modems, CLOSE only closes the control channel: data sessions stay up, and the host may
 * OPEN again and find them. Indications go out only while the channel is open.
 */
public final class MbimControlChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MbimControlChannel.class);

    /** What the function accepts per transfer and what hosts assume on a port without USB descriptors. */
    public static final int DEFAULT_MAX_CONTROL_TRANSFER = 4096;
    /** Bytes appended to information buffers while the unknown-extra-data fault is on; hosts must skip them. */
    static final byte[] UNKNOWN_EXTRA_DATA = {(byte) 0xa5, (byte) 0xa5, (byte) 0xa5, (byte) 0xa5, 0x01, 0x02, 0x03, 0x04};

    private final MbimCidTable table;
    private final MbimSession session;
    private final MbimOutput output;
    private final LongSupplier nanoClock;
    private final BooleanSupplier appendUnknownData;
    private final int functionMaxTransfer;
    private final MbimStreamDecoder decoder;
    private final MbimFragmentCollector collector = new MbimFragmentCollector();

    private boolean open;
    private int hostMaxTransfer = DEFAULT_MAX_CONTROL_TRANSFER;

    public MbimControlChannel(MbimCidTable table, MbimSession session, MbimOutput output,
                              LongSupplier nanoClock, BooleanSupplier appendUnknownData, int functionMaxTransfer) {
        this.table = table;
        this.session = session;
        this.output = output;
        this.nanoClock = nanoClock;
        this.appendUnknownData = appendUnknownData;
        this.functionMaxTransfer = functionMaxTransfer;
        this.decoder = new MbimStreamDecoder(functionMaxTransfer);
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** The largest transfer sent to the host: what it asked for in OPEN, never more than the function supports. */
    public synchronized int maxTransfer() {
        return Math.min(hostMaxTransfer, functionMaxTransfer);
    }

    public synchronized void receive(byte[] data, int length) {
        long now = nanoClock.getAsLong();
        expireFragments(now);
        for (MbimStreamDecoder.Event event : decoder.feed(data, length, now)) {
            try {
                switch (event) {
                    case MbimStreamDecoder.Frame(MbimFrame frame) -> handle(frame, now);
                    case MbimStreamDecoder.Discarded(int bytes, String reason) ->
                            LOG.info("dropped {} bytes from the host: {}", bytes, reason);
                    case MbimStreamDecoder.Oversized(int transactionId, int announced) -> {
                        LOG.info("transfer of {} bytes exceeds {} (transaction {})", announced, functionMaxTransfer,
                                transactionId);
                        functionError(transactionId, MbimProtocolError.MAX_TRANSFER);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("failed to handle {}", event, e);
            }
        }
    }

    /** Reports a fragmented COMMAND that went silent even when no new input arrives to notice it. */
    public synchronized void tick() {
        expireFragments(nanoClock.getAsLong());
    }

    /** The last client closed the port: partial input is garbage now. The open state is the device's and stays. */
    public synchronized void clientGone() {
        decoder.reset();
        collector.reset();
    }

    /** The device restarted: the host must OPEN again, and subscribe again. */
    public synchronized void reboot() {
        clientGone();
        open = false;
        session.reboot();
        hostMaxTransfer = DEFAULT_MAX_CONTROL_TRANSFER;
    }

    /**
     * Sends an unsolicited INDICATE_STATUS, fragmented as needed; nothing while the channel is closed or when the
     * host did not subscribe to it.
     */
    public synchronized void indicate(UUID service, int cid, byte[] informationBuffer) {
        if (!open || !session.subscriptions().wants(service, cid)) {
            return;
        }
        byte[] message = MbimMessages.indicateStatus(service, cid, withFaults(informationBuffer));
        output.indication(fragmented(message));
    }

    private void handle(MbimFrame frame, long now) {
        MbimMessageType type = frame.type();
        // A HOST_ERROR is about a transaction, not a new message; anything else cuts a fragmented COMMAND short.
        MbimFragmentCollector.Failed interrupted = type == MbimMessageType.HOST_ERROR ? null
                : collector.interruptedBy(frame);
        if (interrupted != null) {
            reportFragmentFailure(interrupted);
        }
        switch (type) {
            case OPEN -> open(frame);
            case CLOSE -> close(frame);
            case COMMAND -> command(frame, now);
            case HOST_ERROR -> hostError(frame);
            default -> {
                // A function-to-host type written by the host is nonsense; say so instead of staying silent.
                LOG.info("unexpected {} from the host", type);
                functionError(frame.transactionId(), MbimProtocolError.UNKNOWN);
            }
        }
    }

    /** The host gave up on a transaction (e.g. cancelled it): forget its fragments, never answer an error. */
    private void hostError(MbimFrame frame) {
        LOG.info("host reported error {} for transaction {}", frame.length() >= 16 ? frame.u32(12) : -1,
                frame.transactionId());
        collector.cancel(frame.transactionId());
    }

    private void open(MbimFrame frame) {
        if (frame.length() < 16) {
            functionError(frame.transactionId(), MbimProtocolError.LENGTH_MISMATCH);
            return;
        }
        long requested = Integer.toUnsignedLong(frame.u32(12));
        hostMaxTransfer = (int) Math.max(MbimFragmenter.MIN_TRANSFER, Math.min(requested, Integer.MAX_VALUE));
        open = true;
        collector.reset();
        session.opened();
        LOG.debug("opened, host max transfer {}", requested);
        output.response(MbimMessages.openDone(frame.transactionId(), MbimStatus.NONE));
    }

    private void close(MbimFrame frame) {
        open = false;
        collector.reset();
        output.response(MbimMessages.closeDone(frame.transactionId(), MbimStatus.NONE));
    }

    private void command(MbimFrame frame, long now) {
        if (!frame.hasFragmentHeader()) {
            functionError(frame.transactionId(), MbimProtocolError.LENGTH_MISMATCH);
            return;
        }
        if (!open) {
            functionError(frame.transactionId(), MbimProtocolError.NOT_OPENED);
            return;
        }
        switch (collector.add(frame, now)) {
            case MbimFragmentCollector.Partial partial -> {
            }
            case MbimFragmentCollector.Failed failed -> reportFragmentFailure(failed);
            case MbimFragmentCollector.Complete(MbimFrame whole) -> dispatch(whole);
        }
    }

    private void dispatch(MbimFrame whole) {
        MbimCommand command;
        try {
            command = MbimCommand.parse(whole);
        } catch (MbimParseException e) {
            LOG.info("bad COMMAND: {}", e.getMessage());
            functionError(whole.transactionId(), e.code());
            return;
        }
        MbimReply reply = table.dispatch(command);
        byte[] buffer = reply.status() == MbimStatus.NONE ? withFaults(reply.informationBuffer())
                : reply.informationBuffer();
        byte[] message = MbimMessages.commandDone(command.transactionId(), command.service(), command.cid(),
                reply.status(), buffer);
        output.response(fragmented(message));
    }

    /**
     * The transfers of one message, back to back in one write. A slow or dribbling transport then delays or splits
     * the message as a whole; delaying each fragment would exceed the host's 1250 ms limit between fragments,
     * which no real modem does.
     */
    private byte[] fragmented(byte[] message) {
        ByteArrayOutputStream transfers = new ByteArrayOutputStream(message.length + 64);
        for (byte[] transfer : MbimFragmenter.split(message, maxTransfer())) {
            transfers.writeBytes(transfer);
        }
        return transfers.toByteArray();
    }

    private byte[] withFaults(byte[] informationBuffer) {
        if (!appendUnknownData.getAsBoolean()) {
            return informationBuffer;
        }
        byte[] longer = Arrays.copyOf(informationBuffer, informationBuffer.length + UNKNOWN_EXTRA_DATA.length);
        System.arraycopy(UNKNOWN_EXTRA_DATA, 0, longer, informationBuffer.length, UNKNOWN_EXTRA_DATA.length);
        return longer;
    }

    private void expireFragments(long now) {
        MbimFragmentCollector.Failed expired = collector.expire(now);
        if (expired != null) {
            reportFragmentFailure(expired);
        }
    }

    private void reportFragmentFailure(MbimFragmentCollector.Failed failed) {
        LOG.info("fragmented COMMAND {} abandoned: {}", failed.transactionId(), failed.reason());
        functionError(failed.transactionId(), failed.protocolError());
    }

    private void functionError(int transactionId, int protocolError) {
        output.response(MbimMessages.functionError(transactionId, protocolError));
    }
}
