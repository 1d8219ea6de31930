package org.wwan4j.emulator.mbim.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Joins the fragments of one host COMMAND. MBIM allows one fragmented message in flight: fragments must come
 * in order (0, 1, ... total-1) with the same transaction id and total, and each within
 * {@link #FRAGMENT_TIMEOUT_NANOS} of the previous one; otherwise the function answers FUNCTION_ERROR with
 * FRAGMENT_OUT_OF_SEQUENCE or TIMEOUT_FRAGMENT and forgets the partial message.
 */
public final class MbimFragmentCollector {
    /** The MBIM specification lets the function give up on a fragmented message after 1250 ms of silence. */
    public static final long FRAGMENT_TIMEOUT_NANOS = 1_250_000_000L;
    /** No host request is anywhere near this; a bigger one is an attack or a bug, not worth the memory. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** What adding a frame produced. */
    public sealed interface Result {
    }

    /** A whole message, with fragment header 1/0 and the joined payload. */
    public record Complete(MbimFrame frame) implements Result {
    }

    /** More fragments are expected. */
    public record Partial() implements Result {
    }

    /** The given transaction is abandoned and deserves a FUNCTION_ERROR with this MBIM_PROTOCOL_ERROR. */
    public record Failed(int transactionId, int protocolError, String reason) implements Result {
    }

    private ByteArrayOutputStream collected;
    private int transactionId;
    private int total;
    private int lastCurrent;
    private long lastFragmentNanos;

    public boolean collecting() {
        return collected != null;
    }

    /** Checks the silence since the last fragment; returns the failure to report, or {@code null}. */
    public Failed expire(long nowNanos) {
        if (collected != null && nowNanos - lastFragmentNanos > FRAGMENT_TIMEOUT_NANOS) {
            Failed failed = new Failed(transactionId, MbimProtocolError.TIMEOUT_FRAGMENT,
                    "no fragment " + (lastCurrent + 1) + "/" + total + " in time");
            collected = null;
            return failed;
        }
        return null;
    }

    /**
     * Adds a frame of a fragmentable type. The caller must call {@link #expire} first and report an
     * in-progress message that a new, unrelated message interrupts (see {@link #interruptedBy}).
     */
    public Result add(MbimFrame frame, long nowNanos) {
        int fragmentTotal = frame.fragmentTotal();
        int current = frame.fragmentCurrent();
        if (fragmentTotal == 0 || Integer.compareUnsigned(current, fragmentTotal) >= 0) {
            return new Failed(frame.transactionId(), MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE,
                    "fragment " + Integer.toUnsignedString(current) + "/" + Integer.toUnsignedString(fragmentTotal));
        }
        if (collected == null) {
            if (current != 0) {
                return new Failed(frame.transactionId(), MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE,
                        "first fragment is " + current + "/" + fragmentTotal);
            }
            if (fragmentTotal == 1) {
                return new Complete(frame);
            }
            collected = new ByteArrayOutputStream();
            collected.write(frame.bytes(), 0, frame.length());
            transactionId = frame.transactionId();
            total = fragmentTotal;
            lastCurrent = 0;
            lastFragmentNanos = nowNanos;
            return new Partial();
        }
        if (frame.transactionId() != transactionId || fragmentTotal != total || current != lastCurrent + 1) {
            Failed failed = new Failed(transactionId, MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE,
                    "expected fragment " + (lastCurrent + 1) + "/" + total + " of transaction " + transactionId
                            + ", got " + current + "/" + fragmentTotal + " of " + frame.transactionId());
            collected = null;
            return failed;
        }
        int headers = MbimFrame.HEADER_LENGTH + MbimFrame.FRAGMENT_HEADER_LENGTH;
        if (collected.size() + frame.length() - headers > MAX_MESSAGE_BYTES) {
            Failed failed = new Failed(transactionId, MbimProtocolError.MAX_TRANSFER,
                    "fragmented message grows past " + MAX_MESSAGE_BYTES + " bytes");
            collected = null;
            return failed;
        }
        collected.write(frame.bytes(), headers, frame.length() - headers);
        lastCurrent = current;
        lastFragmentNanos = nowNanos;
        if (current < total - 1) {
            return new Partial();
        }
        byte[] joined = collected.toByteArray();
        collected = null;
        ByteBuffer header = ByteBuffer.wrap(joined).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, joined.length).putInt(12, 1).putInt(16, 0);
        return new Complete(new MbimFrame(joined));
    }

    /**
     * A new message with another transaction id while collecting abandons the partial one; returns the failure
     * to report for it, or {@code null} when the frame continues the message being collected.
     */
    public Failed interruptedBy(MbimFrame frame) {
        if (collected == null || (frame.hasFragmentHeader() && frame.transactionId() == transactionId)) {
            return null;
        }
        Failed failed = new Failed(transactionId, MbimProtocolError.FRAGMENT_OUT_OF_SEQUENCE,
                "transaction " + frame.transactionId() + " interrupted fragments of " + transactionId);
        collected = null;
        return failed;
    }

    public void reset() {
        collected = null;
    }

    /** Forgets the message being collected if it belongs to this transaction. */
    public void cancel(int cancelledTransactionId) {
        if (collected != null && transactionId == cancelledTransactionId) {
            collected = null;
        }
    }
}
