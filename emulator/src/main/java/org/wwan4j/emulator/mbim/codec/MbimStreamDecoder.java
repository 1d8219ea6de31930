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
 * For the same reason a write that starts with an OPEN message abandons any partial frame: OPEN is the first
 * thing a new host sends, and the leftovers of a client that died mid-message must not swallow it.
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

    private static boolean startsWithOpen(byte[] data, int length) {
        if (length < OPEN_LENGTH) {
            return false;
        }
        ByteBuffer header = ByteBuffer.wrap(data, 0, MbimFrame.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        return header.getInt() == MbimMessageType.OPEN.code() && header.getInt() == OPEN_LENGTH;
    }

    public List<Event> feed(byte[] data, int length, long nowNanos) {
        List<Event> events = new ArrayList<>();
        if (pending.size() > 0 && nowNanos - pendingSinceNanos > STALE_PARTIAL_NANOS) {
            events.add(new Discarded(pending.size(), "stale partial frame"));
            pending.reset();
        } else if (pending.size() > 0 && startsWithOpen(data, length)) {
            events.add(new Discarded(pending.size(), "partial frame abandoned by a new OPEN"));
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
