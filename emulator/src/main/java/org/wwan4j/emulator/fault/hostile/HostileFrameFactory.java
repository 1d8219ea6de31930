package org.wwan4j.emulator.fault.hostile;

import java.util.random.RandomGenerator;
import org.wwan4j.emulator.EmulatedProtocol;

/** Builds bad frames in one protocol's framing. Implementations are stateless: all randomness comes from the caller. */
public interface HostileFrameFactory {

    /**
     * A frame of the given kind.
     *
     * @param realFrame a frame the port really sent (or {@link #plausibleFrame}); the base of {@link
     *                  HostileKind#MUTATED_REAL} and of the kinds that damage a well-formed frame
     */
    byte[] build(HostileKind kind, RandomGenerator random, byte[] realFrame);

    /** A well-formed, client-directed frame (an indication), used before the port has sent any real frame. */
    byte[] plausibleFrame(RandomGenerator random);

    static HostileFrameFactory forProtocol(EmulatedProtocol protocol) {
        return switch (protocol) {
            case QMI -> new QmiHostileFrames();
            case MBIM -> new MbimHostileFrames();
        };
    }
}
