package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.agent.mbim.EmulatedMbimModem.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;

/**
 * MbimModemFactory registered in the protocol registry the way the CLI's production table will register it.
 * Only the explicit protocol is tested: probing a bare pty with QMI first leaves libqmi's open running on the
 * port while MBIM is tried, and a pty (unlike cdc-wdm) lets both write into one stream.
 */
class MbimRegistryTest {

    @TempDir
    Path state;

    private ModemFactories registry() {
        return ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(state))
                .register(Protocol.MBIM, new MbimModemFactory(state))
                .probeBound(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aMissingPortFailsClosed() {
        org.wwan4j.agent.modem.ModemException failure = org.junit.jupiter.api.Assertions.assertThrows(
                org.wwan4j.agent.modem.ModemException.class,
                () -> await(new MbimModemFactory(state).open(state.resolve("cdc-wdm9"), Protocol.MBIM)));
        assertEquals(org.wwan4j.agent.modem.ModemException.Kind.CLOSED, failure.kind());
    }

    @Test
    void anMbimPortOpensThroughTheRegistryAndKeepsItsSession() throws Exception {
        try (EmulatedModem emulator = EmulatedModem.start(org.wwan4j.emulator.EmulatedProtocol.MBIM,
                EmulatorOptions.defaults().withTickInterval(Duration.ofMillis(200)))) {
            ModemFactories registry = registry();
            long closes = emulator.statistics().lastClientCloses();
            try (Modem named = await(registry.open(emulator.path(), Protocol.MBIM))) {
                assertEquals(Protocol.MBIM, named.protocol());
                assertEquals(emulator.state().identity().imei(), await(named.identity()).imei());
            }
            try (var files = java.nio.file.Files.list(state)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("mbim-session")),
                        "the session is kept in the state dir");
            }
            // A pty is one stream: the next client waits until the emulator has seen this one go.
            long deadline = System.nanoTime() + EmulatedMbimModem.WAIT.toNanos();
            while (emulator.statistics().lastClientCloses() <= closes && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (Modem again = await(registry.open(emulator.path(), Protocol.MBIM))) {
                assertEquals(Protocol.MBIM, again.protocol());
                assertEquals(emulator.state().identity().imei(), await(again.identity()).imei());
            }
        }
    }
}
