package org.wwan4j.emulator.engine;

import org.wwan4j.emulator.EmulatedProtocol;

/**
 * Creates the engine for one protocol. Found by {@link ProtocolEngines}: through {@link java.util.ServiceLoader}, by
 * explicit registration, or by the naming convention {@code org.wwan4j.emulator.<protocol>.<Protocol>EngineFactory}
 * (e.g. {@code org.wwan4j.emulator.mbim.MbimEngineFactory}) with a public no-argument constructor.
 */
public interface ProtocolEngineFactory {

    EmulatedProtocol protocol();

    ProtocolEngine create(EngineContext context);
}
