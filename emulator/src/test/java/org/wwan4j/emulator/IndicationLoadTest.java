package org.wwan4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.cli.EmulatorCommand;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.EmulatedSignal;
import org.wwan4j.emulator.model.StateAspect;
import picocli.CommandLine;

/** The load source drives the signal through the state model, so engines see ordinary signal changes. */
@Timeout(60)
class IndicationLoadTest {

    @Test
    void everyChangeIsASignalChangeToANewValueAndIsCounted() throws Exception {
        ModemState state = new ModemState();
        List<EmulatedSignal> seen = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(IndicationLoad.STEPS + 5);
        state.addListener(aspect -> {
            if (aspect == StateAspect.SIGNAL) {
                seen.add(state.signal());
                enough.countDown();
            }
        });
        long started = System.nanoTime();
        try (IndicationLoad load = IndicationLoad.start(state, 200)) {
            assertTrue(enough.await(30, TimeUnit.SECONDS), "signal changes seen: " + seen.size());
            load.close();
            assertEquals(load.sent(), seen.size(), "one state change per counted indication");
            assertEquals(load.lastSignal(), state.signal(), "the modem keeps the last value set");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("IndicationLoad: %d changes in %.2f s (asked for 200/s)%n", load.sent(), seconds);
        }
        assertEquals(IndicationLoad.HIGHEST_RSSI, seen.get(0).rssi());
        for (int i = 1; i < seen.size(); i++) {
            assertNotEquals(seen.get(i - 1).rssi(), seen.get(i).rssi(), "change " + i + " repeats a value");
            assertEquals(1, Math.floorMod(seen.get(i).rssi(), 2), "odd dBm: exact in MBIM's 2 dB coding");
        }
        assertEquals(seen.get(0), seen.get(IndicationLoad.STEPS), "a sawtooth of STEPS values");
    }

    @Test
    void closingTheModemStopsItsLoad() throws Exception {
        EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI);
        IndicationLoad load = modem.startIndicationLoad(100);
        CountDownLatch first = new CountDownLatch(1);
        modem.state().addListener(aspect -> first.countDown());
        assertTrue(first.await(30, TimeUnit.SECONDS));
        modem.close();
        long stopped = load.sent();
        assertEquals(load.lastSignal(), modem.state().signal());
        assertEquals(stopped, load.sent(), "no change after close");
    }

    @Test
    void aRateOutsideTheRangeIsRefusedNamingIt() {
        ModemState state = new ModemState();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndicationLoad.start(state, 0));
        assertTrue(e.getMessage().contains("indication rate 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IndicationLoad.start(state, IndicationLoad.MAX_PER_SECOND + 1));
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("--protocol", "qmi", "--indication-rate", "-5", "--exec", "true"),
                "bad usage exit");
    }

    @Test
    void theEmulatorCommandRunsWithALoad() {
        CommandLine cli = new CommandLine(new EmulatorCommand());
        assertEquals(0, cli.execute("--protocol", "mbim", "--indication-rate", "100", "--exec", "test -e {dev}"));
    }
}
