package org.wwan4j.mbim;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Parses one response or indication on the loop thread ({@code mbim_message_<cid>_response_parse}/
 * {@code _notification_parse}) into a Java value, copying everything before returning: the message is unreffed
 * right after. Returns null with a GError in {@code errorSlot} when parsing fails.
 */
@FunctionalInterface
public interface MessageParser<T> {
    T parse(MemorySegment message, Arena arena, MemorySegment errorSlot);
}
