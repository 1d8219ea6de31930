package org.wwan4j.emulator.model;

/** Data-plane counters since the bearer came up. */
public record Counters(long txBytes, long rxBytes, long txPackets, long rxPackets, long txDrops, long rxDrops,
                       long txErrors, long rxErrors) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0);

    public Counters plus(Counters delta) {
        return new Counters(txBytes + delta.txBytes, rxBytes + delta.rxBytes, txPackets + delta.txPackets,
                rxPackets + delta.rxPackets, txDrops + delta.txDrops, rxDrops + delta.rxDrops,
                txErrors + delta.txErrors, rxErrors + delta.rxErrors);
    }
}
