package org.wwan4j.emulator.fault.hostile;

/** One bad frame and what is wrong with it. */
public record HostileFrame(HostileKind kind, byte[] bytes) {
}
