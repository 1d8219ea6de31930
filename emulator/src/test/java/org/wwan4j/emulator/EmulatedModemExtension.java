package org.wwan4j.emulator;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wwan4j.emulator.model.ModemState;

/**
 * Starts an emulated modem for the tests of a class and closes it after them. Registered on an instance field,
 * every test gets a fresh modem; registered on a static field, the tests of the class share one.
 *
 * <pre>
 * &#64;RegisterExtension
 * final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
 * </pre>
 */
public final class EmulatedModemExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final EmulatedProtocol protocol;
    private final EmulatorOptions options;
    private boolean perClass;
    private EmulatedModem modem;

    private EmulatedModemExtension(EmulatedProtocol protocol, EmulatorOptions options) {
        this.protocol = protocol;
        this.options = options;
    }

    public static EmulatedModemExtension of(EmulatedProtocol protocol) {
        return of(protocol, EmulatorOptions.defaults());
    }

    public static EmulatedModemExtension of(EmulatedProtocol protocol, EmulatorOptions options) {
        return new EmulatedModemExtension(protocol, options);
    }

    /** Only called when registered on a static field: one modem for the whole class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        modem = EmulatedModem.start(protocol, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            modem = EmulatedModem.start(protocol, options);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    private void close() {
        if (modem != null) {
            modem.close();
            modem = null;
        }
    }

    /** The running modem; only between start and close. */
    public EmulatedModem modem() {
        if (modem == null) {
            throw new IllegalStateException("no emulated " + protocol + " modem is running");
        }
        return modem;
    }

    /** The state of the running modem. */
    public ModemState state() {
        return modem().state();
    }

    /** The pty to open now; it changes when the modem is replugged, so ask again rather than keep it. */
    public Path path() {
        return modem().path();
    }
}
