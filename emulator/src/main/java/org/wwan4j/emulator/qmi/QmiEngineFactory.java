package org.wwan4j.emulator.qmi;

import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.engine.ProtocolEngineFactory;

/** Plugs the QMI engine into the emulator core (found by naming convention or ServiceLoader). */
public final class QmiEngineFactory implements ProtocolEngineFactory {

    /** Client ids per service before allocation answers ClientIdsExhausted; real modems allow a few dozen. */
    public static final int DEFAULT_CLIENT_LIMIT_PER_SERVICE = 16;

    @Override
    public EmulatedProtocol protocol() {
        return EmulatedProtocol.QMI;
    }

    @Override
    public ProtocolEngine create(EngineContext context) {
        int limit = context.clientLimitPerService() > 0 ? context.clientLimitPerService()
                : DEFAULT_CLIENT_LIMIT_PER_SERVICE;
        return new QmiEngine(context, limit);
    }
}
