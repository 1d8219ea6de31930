package org.wwan4j.emulator.mbim.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a complete COMMAND_DONE or INDICATE_STATUS into transfers no longer than the maximum the host
 * announced in OPEN. Every fragment repeats the message header (with its own length) and carries the
 * fragment header (total, current); the payload is the rest of the original message after the fragment header.
 */
public final class MbimFragmenter {
    /** MBIM never negotiates less than this; a smaller value would leave no room for payload. */
    public static final int MIN_TRANSFER = 64;

    private MbimFragmenter() {
    }

    public static List<byte[]> split(byte[] message, int maxTransfer) {
        if (message.length <= maxTransfer) {
            return List.of(message);
        }
        int limit = Math.max(maxTransfer, MIN_TRANSFER);
        int headers = MbimFrame.HEADER_LENGTH + MbimFrame.FRAGMENT_HEADER_LENGTH;
        int payloadPerFragment = limit - headers;
        int payloadLength = message.length - headers;
        int total = (payloadLength + payloadPerFragment - 1) / payloadPerFragment;
        ByteBuffer source = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int type = source.getInt(0);
        int transactionId = source.getInt(8);
        List<byte[]> fragments = new ArrayList<>(total);
        for (int current = 0; current < total; current++) {
            int from = headers + current * payloadPerFragment;
            int size = Math.min(payloadPerFragment, message.length - from);
            ByteBuffer fragment = ByteBuffer.allocate(headers + size).order(ByteOrder.LITTLE_ENDIAN);
            fragment.putInt(type).putInt(headers + size).putInt(transactionId).putInt(total).putInt(current);
            fragment.put(message, from, size);
            fragments.add(fragment.array());
        }
        return fragments;
    }
}
