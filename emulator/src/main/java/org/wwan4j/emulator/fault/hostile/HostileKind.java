package org.wwan4j.emulator.fault.hostile;

/**
 * The kinds of bad frame the hostile-frame injector writes. Each protocol's {@link HostileFrameFactory} builds every
 * kind in its own framing; the names say what is wrong with the frame.
 */
public enum HostileKind {
    /** A well-formed frame cut short: the header promises bytes that never come (the next frame is eaten instead). */
    TRUNCATED,
    /** The length field is smaller than the frame: its tail looks like the start of the next frame. */
    LENGTH_TOO_SHORT,
    /** The length field is larger than the frame, still within the protocol's maximum. */
    LENGTH_TOO_LONG,
    /** A frame at, just past, or far beyond the protocol's maximum size, all bytes really sent. */
    OVERSIZED,
    /** The first byte (QMI marker) or the message type (MBIM) is not one the protocol defines. */
    BAD_MARKER,
    /** Framing right, but a TLV (QMI) or information buffer offset/length (MBIM) points past the message. */
    BAD_TLV_LENGTH,
    /** Framing right, but a service, message id or CID the client does not know. */
    UNKNOWN_SERVICE,
    /** A copy of a real answer or indication the port sent recently, randomly mutated. */
    MUTATED_REAL,
    /** Random bytes. */
    GARBAGE
}
