package org.wwan4j.emulator.engine;

/**
 * The protocol side of one emulated port: bytes from the client in, frames out through the {@link FrameSink} of its
 * {@link EngineContext}. Indications are pushed by the engine itself from {@link
 * org.wwan4j.emulator.model.ModemState} change events. One engine per port; it is driven by a single reader thread,
 * but indications may be sent from other threads, so implementations synchronise their own state.
 */
public interface ProtocolEngine extends AutoCloseable {

    /**
     * Bytes as they arrived from the client: any split, possibly several frames, possibly garbage. The engine keeps
     * partial frames across calls and must never throw for bad input: it answers with a protocol error where the
     * protocol has one, else logs and drops.
     */
    void receive(byte[] data, int length);

    /**
     * The last client closed the port: drop partial input and per-open session state. State a real modem keeps across
     * opens (QMI client IDs allocated and not released, for one) stays.
     */
    void clientGone();

    /** The modem rebooted (or was replugged after a reboot): forget everything the device would forget. */
    void reboot();

    /** Stops listening to the modem state. */
    @Override
    void close();
}
