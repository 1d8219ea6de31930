package org.wwan4j.agent.mbim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.mbim.MbimDeviceOptions;

/** A virtual MBIM modem on a pty and an {@link MbimModem} opened on it through the real libmbim, with events. */
final class EmulatedMbimModem implements AutoCloseable {

    /** Generous: the machine is shared and loaded; no test asserts on timing. */
    static final Duration WAIT = Duration.ofSeconds(30);

    final EmulatedModem emulator;
    final Modem modem;
    final RecordedEvents events = new RecordedEvents();

    private EmulatedMbimModem(EmulatedModem emulator, Modem modem) {
        this.emulator = emulator;
        this.modem = modem;
        modem.addListener(events);
    }

    static EmulatedMbimModem start() {
        return start(EmulatorOptions.defaults());
    }

    /** As {@link #start()} on an emulator started with {@code options} (its tick made fast). */
    static EmulatedMbimModem start(EmulatorOptions options) {
        EmulatedModem emulator = EmulatedModem.start(EmulatedProtocol.MBIM,
                options.withTickInterval(Duration.ofMillis(200)));
        try {
            return new EmulatedMbimModem(emulator, await(MbimModem.open(emulator.path(),
                    MbimDeviceOptions.defaults().withMbimEx(2))));
        } catch (RuntimeException | Error e) {
            emulator.close();
            throw e;
        }
    }

    /** The value, or the ModemException the future failed with (thrown), bounded by {@link #WAIT}. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw ModemException.of(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("no answer within " + WAIT, e);
        }
    }

    @Override
    public void close() {
        try {
            modem.close();
        } finally {
            emulator.close();
        }
    }
}
