package org.wwan4j.cli;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * Moves the emulated modems' signal a little every few seconds, so the demo shows indications flowing through to the
 * table (the agent never polls the signal; each change arrives as a QMI/MBIM indication).
 */
final class SignalDrift {

    private static final long PERIOD_SECONDS = 3;

    private SignalDrift() {
    }

    static AutoCloseable start(List<EmulatedModem> modems) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("demo-signal").daemon().factory());
        timer.scheduleAtFixedRate(() -> modems.forEach(SignalDrift::drift), PERIOD_SECONDS, PERIOD_SECONDS,
                TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    private static void drift(EmulatedModem modem) {
        EmulatedSignal s = modem.state().signal();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int step = r.nextInt(-2, 3);
        modem.state().setSignal(new EmulatedSignal(clamp(s.rssi() + step, -100, -50), s.rsrq(),
                clamp(s.rsrp() + step, -120, -80), Math.round((s.snr() + r.nextInt(-1, 2) * 0.5) * 10) / 10.0));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
