package org.wwan4j.emulator.fault.hostile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of hostile frames for one protocol. Kinds come in shuffled rounds, so every kind is produced
 * equally often and within any {@code HostileKind.values().length} frames of a round's start. The frames that damage
 * a real frame use one of the last few the port really sent ({@link #observe}); before any, a plausible one.
 * Without {@code observe} calls the sequence depends on the seed alone.
 */
public final class HostileFrameSequence {

    /** Recent real frames kept as material: enough to vary, few enough that they are current. */
    private static final int REMEMBERED_REAL_FRAMES = 16;

    private final HostileFrameFactory factory;
    private final Random random;
    private final Deque<byte[]> recent = new ArrayDeque<>();
    private final List<HostileKind> round = new ArrayList<>(List.of(HostileKind.values()));
    private int positionInRound = round.size();

    public HostileFrameSequence(HostileFrameFactory factory, long seed) {
        this.factory = factory;
        this.random = new Random(seed);
    }

    /** Remembers a frame the port really sent (called from the port's writer). */
    public synchronized void observe(byte[] realFrame) {
        if (recent.size() == REMEMBERED_REAL_FRAMES) {
            recent.removeFirst();
        }
        recent.addLast(realFrame.clone());
    }

    public synchronized HostileFrame next() {
        if (positionInRound == round.size()) {
            Collections.shuffle(round, random);
            positionInRound = 0;
        }
        HostileKind kind = round.get(positionInRound++);
        return new HostileFrame(kind, factory.build(kind, random, realFrame()));
    }

    private byte[] realFrame() {
        if (recent.isEmpty()) {
            return factory.plausibleFrame(random);
        }
        int pick = random.nextInt(recent.size());
        return recent.stream().skip(pick).findFirst().orElseThrow();
    }
}
