package org.wwan4j.emulator.fault.hostile;

/**
 * How many hostile frames to write, how fast, and the seed that makes the sequence repeatable (the mutated copies of
 * real frames also depend on the traffic the port saw).
 */
public record HostileOptions(int count, int framesPerSecond, long seed) {

    /** Fast enough to hit most requests with a few bad frames, slow enough to leave room for real answers. */
    public static final int DEFAULT_FRAMES_PER_SECOND = 200;

    public HostileOptions {
        if (count < 0) {
            throw new IllegalArgumentException("hostile frame count must be 0 or more, got " + count);
        }
        if (framesPerSecond < 1) {
            throw new IllegalArgumentException("hostile frame rate must be at least 1 per second, got "
                    + framesPerSecond);
        }
    }

    public static HostileOptions of(int count, long seed) {
        return new HostileOptions(count, DEFAULT_FRAMES_PER_SECOND, seed);
    }
}
