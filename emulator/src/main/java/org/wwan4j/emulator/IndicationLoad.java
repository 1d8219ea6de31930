package org.wwan4j.emulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * A load source: changes the modem's signal a fixed number of times per second through {@link ModemState}, so the
 * protocol engines send their normal signal indications (QMI NAS Signal Info, MBIM Signal State) to every client that
 * enabled them. Started with {@link EmulatedModem#startIndicationLoad(int)} or {@code --indication-rate N}.
 *
 * <p>The RSSI walks a sawtooth from {@link #HIGHEST_RSSI} down in 2 dB steps: MBIM codes RSSI in 2 dB steps, so every
 * change is a new value in both protocols, and {@link #lastSignal()} tells a test which value a client must end on.
 */
public final class IndicationLoad implements AutoCloseable {

    /** Top of the sawtooth, in dBm; odd so that MBIM's coded form (-113 + 2n) represents every step exactly. */
    public static final int HIGHEST_RSSI = -53;
    /** Values in the sawtooth: -53 down to -111 dBm. */
    static final int STEPS = 30;
    /** Highest rate accepted: the pty and the clients behind it are the limit long before this. */
    public static final int MAX_PER_SECOND = 10_000;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final int RSRQ = -9;
    private static final int RSRP_BELOW_RSSI = 30;
    private static final double SNR = 12.5;

    private final ModemState state;
    private final int perSecond;
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile EmulatedSignal lastSignal;

    private IndicationLoad(ModemState state, int perSecond) {
        this.state = state;
        this.perSecond = perSecond;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("wwan4j-emulator-load").unstarted(runnable));
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        // Fixed rate: a late run is followed by the ones it missed, so the average rate holds under load.
        timer.scheduleAtFixedRate(this::step, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Starts changing the signal {@code perSecond} times a second, until closed. */
    public static IndicationLoad start(ModemState state, int perSecond) {
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("indication rate " + perSecond + " is not between 1 and "
                    + MAX_PER_SECOND + " per second");
        }
        return new IndicationLoad(state, perSecond);
    }

    /** The signal value of the n-th change (0-based): the sawtooth. */
    static EmulatedSignal signalFor(long n) {
        int rssi = HIGHEST_RSSI - 2 * (int) (n % STEPS);
        return new EmulatedSignal(rssi, RSRQ, rssi - RSRP_BELOW_RSSI, SNR);
    }

    private void step() {
        EmulatedSignal next = signalFor(sent.get());
        state.setSignal(next);
        lastSignal = next;
        sent.incrementAndGet();
    }

    public int perSecond() {
        return perSecond;
    }

    /** EmulatedSignal changes made so far; each one goes out as one indication to every client that enabled them. */
    public long sent() {
        return sent.get();
    }

    /** The signal the modem holds after the latest change, or null before the first. */
    public EmulatedSignal lastSignal() {
        return lastSignal;
    }

    /** Stops; the last change made stays the modem's signal. Waits for a change in progress to finish. */
    @Override
    public void close() {
        // Not shutdownNow: interrupting a change mid-way could cut a frame being written to the port.
        timer.shutdown();
        try {
            timer.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
