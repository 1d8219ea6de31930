package org.wwan4j.bench.indication;

import java.util.function.LongSupplier;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * Makes the emulator send one NAS signal-info indication: a signal change, each different from the last. The send
 * time is taken just before the change; the emulator builds and writes the indication on this thread, so the
 * latency includes its encoding and the pty write (a few microseconds, the same for every contender).
 */
public final class SignalTrigger implements LongSupplier {

    private static final int BASE_RSSI = -65;
    private static final int BASE_RSRP = -95;
    private static final int STEPS = 10;

    private final EmulatedModem modem;
    private int step;

    public SignalTrigger(EmulatedModem modem) {
        this.modem = modem;
    }

    @Override
    public long getAsLong() {
        step = (step + 1) % STEPS;
        EmulatedSignal next = new EmulatedSignal(BASE_RSSI - step, -9, BASE_RSRP - step, 12.5);
        long sent = System.nanoTime();
        modem.state().setSignal(next);
        return sent;
    }
}
