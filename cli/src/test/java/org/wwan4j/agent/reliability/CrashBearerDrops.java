package org.wwan4j.agent.reliability;

import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.StateAspect;
import org.wwan4j.emulator.model.StateListener;

/**
 * Counts how often the emulated modem's bearer went from up to down. Nothing in the crash suite takes the network
 * away or changes the config, so every drop would be the agent's doing: a restart that tore down the session it
 * should have adopted.
 */
final class CrashBearerDrops implements StateListener, AutoCloseable {

    private final ModemState state;
    private boolean up;
    private int drops;

    private CrashBearerDrops(ModemState state) {
        this.state = state;
        this.up = state.bearer().connected();
    }

    static CrashBearerDrops on(ModemState state) {
        CrashBearerDrops watch = new CrashBearerDrops(state);
        state.addListener(watch);
        return watch;
    }

    @Override
    public synchronized void stateChanged(StateAspect aspect) {
        if (aspect != StateAspect.BEARER) {
            return;
        }
        boolean now = state.bearer().connected();
        if (up && !now) {
            drops++;
        }
        up = now;
    }

    synchronized int drops() {
        return drops;
    }

    @Override
    public void close() {
        state.removeListener(this);
    }
}
