package org.wwan4j.emulator.mbim;

import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.engine.ProtocolEngineFactory;

/** Found by the core's naming convention ({@code org.wwan4j.emulator.mbim.MbimEngineFactory}). */
public final class MbimEngineFactory implements ProtocolEngineFactory {

    @Override
    public EmulatedProtocol protocol() {
        return EmulatedProtocol.MBIM;
    }

    @Override
    public ProtocolEngine create(EngineContext context) {
        return new MbimEngine(context);
    }
}
