package org.wwan4j.bench.proc;

/**
 * USER_HZ, the unit of the CPU times in /proc/PID/stat. It is 100 on every Linux ABI the project targets (x86-64,
 * arm64), fixed by the kernel ABI and independent of CONFIG_HZ, so it is a constant rather than a sysconf call.
 */
public final class ClockTicks {

    public static final long PER_SECOND = 100;

    private ClockTicks() {}

    public static double toMillis(long ticks) {
        return ticks * 1_000.0 / PER_SECOND;
    }
}
