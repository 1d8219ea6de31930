package org.wwan4j.agent.status;

/** Packet statistics of the data bearer; null where the modem does not count it. */
public record Counters(Long txBytes, Long rxBytes, Long txPackets, Long rxPackets, Long txDrops, Long rxDrops,
        Long txErrors, Long rxErrors) {
}
