package org.wwan4j.mbim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;

/** A virtual MBIM modem on a pty and one MbimDevice opened on it through the real libmbim. */
final class EmulatedMbim implements AutoCloseable {

    /** Generous: the machine is shared and loaded; no test asserts on timing. */
    static final Duration WAIT = Duration.ofSeconds(90);

    final EmulatedModem modem;
    final MbimDevice device;
    final BasicConnect basic;
    final MsBasicConnectExtensions extensions;

    private EmulatedMbim(EmulatedModem modem, MbimDevice device) {
        this.modem = modem;
        this.device = device;
        this.basic = new BasicConnect(device);
        this.extensions = new MsBasicConnectExtensions(device);
    }

    static EmulatedMbim start() {
        return start(MbimDeviceOptions.defaults());
    }

    static EmulatedMbim start(MbimDeviceOptions options) {
        EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.MBIM,
                EmulatorOptions.defaults().withTickInterval(Duration.ofMillis(200)));
        try {
            return new EmulatedMbim(modem, await(MbimDevice.open(modem.path(), options)));
        } catch (RuntimeException | Error e) {
            modem.close();
            throw e;
        }
    }

    Path path() {
        return modem.path();
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer within " + WAIT, e);
        }
    }

    @Override
    public void close() {
        try {
            device.close();
        } finally {
            modem.close();
        }
    }
}
