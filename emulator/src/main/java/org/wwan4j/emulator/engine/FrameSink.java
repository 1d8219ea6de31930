package org.wwan4j.emulator.engine;

/**
 * Where a protocol engine puts complete frames for the client. The transport behind it applies the transport-level
 * faults (slow, dribble, malformed, dropped indications, hang) the same way for every protocol.
 */
public interface FrameSink {

    /** Sends the answer to a request. */
    void sendResponse(byte[] frame);

    /** Sends an unsolicited frame (indication / notification); may be dropped by the drop-indications fault. */
    void sendIndication(byte[] frame);
}
