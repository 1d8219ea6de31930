package org.wwan4j.emulator.model;

/** Data-plane counters since the bearer came up. */
public record EmulatedCounters(long txBytes, long rxBytes, long txPackets, long rxPackets, long txDrops, long rxDrops,
                       long txErrors, long rxErrors) {

    public static final EmulatedCounters ZERO = new EmulatedCounters(0, 0, 0, 0, 0, 0, 0, 0);

    public EmulatedCounters plus(EmulatedCounters delta) {
        return new EmulatedCounters(txBytes + delta.txBytes, rxBytes + delta.rxBytes, txPackets + delta.txPackets,
                rxPackets + delta.rxPackets, txDrops + delta.txDrops, rxDrops + delta.rxDrops,
                txErrors + delta.txErrors, rxErrors + delta.rxErrors);
    }
}
