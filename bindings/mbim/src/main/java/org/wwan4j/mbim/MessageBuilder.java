package org.wwan4j.mbim;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Builds one request message on the loop thread ({@code mbim_message_<cid>_query_new/_set_new}). Returns a new
 * {@code MbimMessage*} (the caller owns it), or NULL with a GError in {@code errorSlot}. The arena lives only
 * while building: libmbim copies every argument into the message.
 */
@FunctionalInterface
public interface MessageBuilder {
    MemorySegment build(Arena arena, MemorySegment errorSlot);
}
