package org.wwan4j.emulator.mbim.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the byte stream of a control port into frames using the length in each MBIM header.
 *
 * <p>A pty has no message boundaries, so junk must not wedge the port: bytes that cannot start a header are
 * skipped one at a time until a plausible header (known type, sane length) lines up again, and a partial
 * frame that sat unfinished for longer than {@link #STALE_PARTIAL_NANOS} is dropped when new bytes arrive,
 * because a host writes a whole transfer at once and the new bytes are the start of its next message.
 * For the same reason an OPEN message at the very end of the buffered bytes abandons a partial frame before
 * it: OPEN is the first thing a new host sends, alone, before waiting for OPEN_DONE, so it ends what the host
 * wrote; the leftovers of a client that died mid-message must not swallow it (libmbim would wait 5 s and retry).
 */
public final class MbimStreamDecoder {
    /** A host writes one transfer in one go; a partial frame older than this is left over from a dead client. */
    public static final long STALE_PARTIAL_NANOS = 1_000_000_000L;
    private static final int OPEN_LENGTH = 16;

    /** What the decoder found in the stream. */
    public sealed interface Event {
    }

    /** A complete frame whose header length matched. */
    public record Frame(MbimFrame frame) implements Event {
    }

    /** Bytes thrown away because no MBIM header could start there, or a stale partial frame. */
    public record Discarded(int bytes, String reason) implements Event {
    }

    /** A known message type announcing more bytes than the function accepts in one transfer. */
    public record Oversized(int transactionId, int announcedLength) implements Event {
    }

    private final int maxTransfer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long pendingSinceNanos;

    /** @param maxTransfer the largest transfer the function accepts (its wMaxControlMessage) */
    public MbimStreamDecoder(int maxTransfer) {
        this.maxTransfer = maxTransfer;
    }

    /** Drops everything buffered, e.g. when the last client closed the port. */
    public void reset() {
        pending.reset();
    }

    public int buffered() {
        return pending.size();
    }

    private static boolean isOpenAt(byte[] buffer, int offset) {
        ByteBuffer header = ByteBuffer.wrap(buffer, offset, MbimFrame.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        return header.getInt() == MbimMessageType.OPEN.code() && header.getInt() == OPEN_LENGTH;
    }

    public List<Event> feed(byte[] data, int length, long nowNanos) {
        List<Event> events = new ArrayList<>();
        if (pending.size() > 0 && nowNanos - pendingSinceNanos > STALE_PARTIAL_NANOS) {
            events.add(new Discarded(pending.size(), "stale partial frame"));
            pending.reset();
        }
        if (pending.size() == 0) {
            pendingSinceNanos = nowNanos;
        }
        pending.write(data, 0, length);
        byte[] buffer = pending.toByteArray();
        int position = 0;
        int skipped = 0;
        while (buffer.length - position >= MbimFrame.HEADER_LENGTH) {
            ByteBuffer header = ByteBuffer.wrap(buffer, position, MbimFrame.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            int type = header.getInt();
            long announced = Integer.toUnsignedLong(header.getInt());
            int transactionId = header.getInt();
            if (MbimMessageType.fromCode(type) == null || announced < MbimFrame.HEADER_LENGTH) {
                position++;
                skipped++;
                continue;
            }
            if (skipped > 0) {
                events.add(new Discarded(skipped, "no MBIM header"));
                skipped = 0;
            }
            if (announced > maxTransfer) {
                // Never wait for a transfer we would not accept anyway; resynchronise after its header.
                events.add(new Oversized(transactionId, (int) Math.min(announced, Integer.MAX_VALUE)));
                position += MbimFrame.HEADER_LENGTH;
                continue;
            }
            if (buffer.length - position < announced) {
                break;
            }
            events.add(new Frame(new MbimFrame(Arrays.copyOfRange(buffer, position, position + (int) announced))));
            position += (int) announced;
        }
        if (skipped > 0) {
            events.add(new Discarded(skipped, "no MBIM header"));
        }
        int openAtEnd = buffer.length - OPEN_LENGTH;
        if (openAtEnd > position && isOpenAt(buffer, openAtEnd)) {
            events.add(new Discarded(openAtEnd - position, "partial frame abandoned by a new OPEN"));
            events.add(new Frame(new MbimFrame(Arrays.copyOfRange(buffer, openAtEnd, buffer.length))));
            position = buffer.length;
        }
        pending.reset();
        if (position < buffer.length) {
            if (position > 0) {
                pendingSinceNanos = nowNanos;
            }
            pending.write(buffer, position, buffer.length - position);
        }
        return events;
    }
}
