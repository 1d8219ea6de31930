package org.wwan4j.emulator.engine;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.wwan4j.emulator.EmulatedProtocol;

/** Finds the engine factory for a protocol, so protocol packages plug in without the core naming them. */
public final class ProtocolEngines {

    private static final Map<EmulatedProtocol, ProtocolEngineFactory> REGISTERED = new ConcurrentHashMap<>();

    private ProtocolEngines() {
    }

    /** Registers (or replaces) the factory for its protocol. */
    public static void register(ProtocolEngineFactory factory) {
        REGISTERED.put(factory.protocol(), factory);
    }

    public static ProtocolEngineFactory forProtocol(EmulatedProtocol protocol) {
        ProtocolEngineFactory registered = REGISTERED.get(protocol);
        if (registered != null) {
            return registered;
        }
        for (ProtocolEngineFactory factory : ServiceLoader.load(ProtocolEngineFactory.class)) {
            if (factory.protocol() == protocol) {
                REGISTERED.putIfAbsent(protocol, factory);
                return factory;
            }
        }
        String lower = protocol.name().toLowerCase(Locale.ROOT);
        String className = "org.wwan4j.emulator." + lower + "." + Character.toUpperCase(lower.charAt(0))
                + lower.substring(1) + "EngineFactory";
        try {
            ProtocolEngineFactory factory = (ProtocolEngineFactory) Class.forName(className)
                    .getDeclaredConstructor().newInstance();
            REGISTERED.putIfAbsent(protocol, factory);
            return factory;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("no emulator engine for " + protocol + " (looked for " + className + ")", e);
        }
    }
}
